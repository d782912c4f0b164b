//! A count of the steps the rules take, kept only in test builds: a test
//! analyses each adversarial input shape at two sizes and checks that the
//! count grows in proportion, so a quadratic scan fails a test without any
//! timing. The token accessors every rule reads through count one step per
//! call, and so do the loops over mentions and every comparison of two
//! spans (span.rs): a scan over mentions, claims or quotations compares
//! their spans, so a scan repeated per item counts too. (Before spans were
//! counted, a check of each speaker found after an inverted cue against
//! every mention of its sentence so far went through: on the quotations
//! shape below it takes 9.7 times the steps for four times the text.)

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one step (nothing outside tests).
#[inline(always)]
pub fn step() {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + 1));
}

/// The steps counted on this thread since the last call.
#[cfg(test)]
pub fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}

#[cfg(test)]
mod tests {
    use super::take;
    use crate::analysis::{Options, analyze_with};
    use crate::span::Span;

    /// Input shapes, each repeated to size: ordinary prose, and shapes that
    /// once made a rule read its whole sentence per word.
    const SHAPES: &[(&str, &str)] = &[
        (
            "ordinary prose",
            "Senator Maria Okafor said on Monday that the talks had stalled. \
             “We will not sign,” she told reporters, according to two aides. \
             Bolivian officials, who asked not to be named, said the deal was \
             close; analysts warn that 31 percent of voters may disagree.\n\n",
        ),
        ("according to", "according to "),
        (
            "one endless sentence of claims",
            "Anna said that, Boris said that, ",
        ),
        ("title words", "President Secretary Minister Dr. "),
        ("pronouns", "he said that, she said that, they said that, "),
        (
            "relative clauses",
            "Anna, who said that, Sen. Boris Lee, who said that, ",
        ),
        ("quotations", "“yes,” “no,” said the officials, "),
        (
            "long groups",
            "the officials from the ministry of the interior of the state \
             said on Tuesday in a statement that ",
        ),
        ("lists of groups", "Bolivian officials, analysts, "),
        (
            "dialogue turns",
            "\"Is it late?\" asked Ilse Brandt.\n\n\"Not yet,\" he said.\n\n\"Good, Tomas.\"\n\n\"Why?\"\n\n",
        ),
    ];

    fn steps_for(unit: &str, bytes: usize) -> u64 {
        let text = unit.repeat(bytes / unit.len() + 1);
        take();
        analyze_with(&text, &Options::default());
        take()
    }

    /// The steps of checking each of `n` spans against every span before
    /// it, as a rule scanning a sentence's mentions per mention would.
    fn steps_of_a_scan_per_span(n: usize) -> u64 {
        let spans: Vec<Span> = (0..n).map(|i| Span::new(2 * i, 2 * i + 1)).collect();
        take();
        for (i, &span) in spans.iter().enumerate() {
            std::hint::black_box(spans[..i].iter().any(|s| s.contains(span)));
        }
        take()
    }

    #[test]
    fn a_scan_over_earlier_spans_per_span_counts_as_quadratic() {
        let (small, big) = (
            steps_of_a_scan_per_span(1000),
            steps_of_a_scan_per_span(4000),
        );
        assert!(
            big > small * 12,
            "{small} steps for 1000 spans, {big} for 4000"
        );
    }

    #[test]
    fn the_rules_take_steps_in_proportion_to_the_text_whatever_its_shape() {
        for (shape, unit) in SHAPES {
            let small = steps_for(unit, 32_000);
            let big = steps_for(unit, 128_000);
            // Four times the text: about four times the steps (a quadratic
            // scan would take sixteen).
            assert!(
                big <= small * 6,
                "{shape}: {small} steps for 32 KB, {big} for 128 KB"
            );
        }
    }
}
