//! Exports of an analysis, one file per format. All speak Unicode code-point
//! offsets, as the W3C TextPositionSelector does.

pub mod json;
