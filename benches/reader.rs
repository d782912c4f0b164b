//! The reader on a 10 MB article: wrapping it to a width (what opening and
//! each resize cost) and drawing one frame (what each key costs).

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use whosaid::analysis::Analysis;
use whosaid::config::Config;
use whosaid::document::Document;
use whosaid::tui::app::App;
use whosaid::tui::theme::Theme;
use whosaid::tui::view;
use whosaid::tui::wrap::Wrapped;

fn ten_megabytes() -> String {
    let article = include_str!("../assets/us-mexico-cartels.txt");
    let mut text = String::with_capacity(10_100_000);
    while text.len() < 10_000_000 {
        text.push_str(article);
        text.push('\n');
    }
    text
}

fn reader(c: &mut Criterion) {
    let text = ten_megabytes();
    let mut group = c.benchmark_group("reader_10mb");
    group.sample_size(10);
    group.bench_function("wrap_to_100_columns", |b| {
        b.iter(|| Wrapped::new(&text, 100))
    });
    let doc = Document::from_text("big.txt", text.clone());
    let mut app = App::new(
        doc,
        Analysis::default(),
        &Config::defaults(),
        Theme::dark(),
        (160, 50),
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
    group.bench_function("page_down_and_draw", |b| {
        b.iter(|| {
            app.update(whosaid::tui::keymap::Action::PageDown);
            terminal.draw(|frame| view::draw(&app, frame)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
