//! Reading articles: boilerplate removal, title, normalisation for the model.
//!
//! The model sees a normalised copy of each paragraph (typographic
//! apostrophes and quotes made plain); every character of that copy keeps
//! the offset of the character it came from in the original text, so all
//! offsets downstream point into the file as it is on disk.

/// A source text made ready for the language pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedText {
    /// The path as given to `trame build`, or `-`.
    pub source: String,
    /// The text exactly as read.
    pub original: String,
    pub title: Option<String>,
    /// ISO 639-1 code of the detected language.
    pub language: String,
    /// The paragraphs the model annotates, one `nlp::Doc` each, in order.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph as the model sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Text handed to the model.
    pub text: String,
    /// `offsets[i]` is the character offset in the original text of
    /// character `i` of `text`; one extra entry maps the end of `text`.
    pub offsets: Vec<usize>,
}
