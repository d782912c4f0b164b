//! The reader on a 10 MB article: wrapping it to a width (what opening and
//! each resize cost) and drawing one frame (what each key costs).

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use whosaid::analysis::{Actor, Analysis, Claim, Figure, Source};
use whosaid::document::Document;
use whosaid::span::Span;
use whosaid::tui::app::App;
use whosaid::tui::keymap::Action;
use whosaid::tui::settings::Settings;
use whosaid::tui::theme::Theme;
use whosaid::tui::view;
use whosaid::tui::wrap::Wrapped;

const ARTICLE: &str = include_str!("../assets/us-mexico-cartels.txt");

/// The bundled article over and over, 10 MB, with its analysis repeated to
/// match (analysing 10 MB for real is the engine's benchmark, not this one).
fn ten_megabytes() -> (String, Analysis) {
    let one = whosaid::analysis::analyze_with(ARTICLE, &Default::default());
    let mut text = String::with_capacity(10_100_000);
    let mut analysis = Analysis {
        actors: one
            .actors
            .iter()
            .map(|a| Actor {
                mentions: vec![],
                claims: vec![],
                ..a.clone()
            })
            .collect(),
        ..Analysis::default()
    };
    while text.len() < 10_000_000 {
        let base = text.len();
        let shift = |s: Span| Span::new(s.start + base, s.end + base);
        let first_claim = analysis.claims.len();
        for (i, a) in one.actors.iter().enumerate() {
            analysis.actors[i]
                .mentions
                .extend(a.mentions.iter().map(|&m| shift(m)));
            analysis.actors[i]
                .claims
                .extend(a.claims.iter().map(|&c| c + first_claim));
        }
        analysis.claims.extend(one.claims.iter().map(|c| Claim {
            span: shift(c.span),
            quotes: c.quotes.iter().map(|&q| shift(q)).collect(),
            source: c.source.map(|s| Source {
                span: shift(s.span),
                ..s
            }),
            cue: c.cue.map(shift),
            sentence: shift(c.sentence),
            hedges: c.hedges.iter().map(|&h| shift(h)).collect(),
            ..c.clone()
        }));
        analysis.figures.extend(one.figures.iter().map(|f| Figure {
            span: shift(f.span),
            claim: f.claim.map(|c| c + first_claim),
        }));
        text.push_str(ARTICLE);
        text.push('\n');
    }
    (text, analysis)
}

fn reader(c: &mut Criterion) {
    let (text, analysis) = ten_megabytes();
    let mut group = c.benchmark_group("reader_10mb");
    group.sample_size(10);
    group.bench_function("wrap_to_100_columns", |b| {
        b.iter(|| Wrapped::new(&text, 100))
    });
    let doc = Document::from_text("big.txt", text.clone());
    let claims = analysis.claims.len();
    assert!(claims > 10_000, "{claims} claims");
    let mut app = App::new(
        doc,
        analysis,
        &Settings::defaults(),
        Theme::dark(),
        (160, 50),
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
    group.bench_function("page_down_and_draw", |b| {
        b.iter(|| {
            app.update(Action::PageDown);
            terminal.draw(|frame| view::draw(&app, frame)).unwrap();
        })
    });
    group.bench_function("next_claim_and_draw", |b| {
        b.iter(|| {
            app.update(Action::Next);
            terminal.draw(|frame| view::draw(&app, frame)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
