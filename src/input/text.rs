//! Plain text: the article is the text as read, its title the first line
//! when that reads like a headline.

use crate::document::Document;

pub fn read(source: &str, text: String) -> Document {
    Document::from_text(source, text)
}
