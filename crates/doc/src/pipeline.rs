//! Stages and the pipeline that runs them over one document.

use crate::Document;
use std::fmt;

/// A layer of a [`Document`] that a stage reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `body` and the metadata, written by the reader.
    Body,
    /// `text`, `map`, `captions`.
    Text,
    /// `sentences`.
    Sentences,
    /// `tokens`.
    Tokens,
    /// `timexes`.
    Timexes,
    /// `mentions`.
    Mentions,
    /// `places`.
    Places,
    /// `events`.
    Events,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Layer::Body => "body",
            Layer::Text => "text",
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::Timexes => "timexes",
            Layer::Mentions => "mentions",
            Layer::Places => "places",
            Layer::Events => "events",
        };
        f.write_str(s)
    }
}

/// A stage failed on one document.
#[derive(Debug, thiserror::Error)]
#[error("stage '{stage}' failed on document '{doc}': {message}")]
pub struct StageError {
    /// The stage's name.
    pub stage: &'static str,
    /// The document key.
    pub doc: String,
    /// What went wrong.
    pub message: String,
}

/// One per-document step of the pipeline.
///
/// A stage reads some layers of a [`Document`] and adds one or more others. Stages are built
/// once (compiling their patterns) and shared by all worker threads, hence `Send + Sync`.
pub trait Stage: Send + Sync {
    /// Short snake-case name (`sentences`, `mentions`, `events`).
    fn name(&self) -> &'static str;
    /// Layers this stage needs.
    fn reads(&self) -> &'static [Layer];
    /// Layers this stage adds.
    fn writes(&self) -> &'static [Layer];
    /// Runs the stage on one document.
    ///
    /// # Errors
    /// When the document cannot be processed; the caller logs it and goes on with the next.
    fn run(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// A pipeline could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PipelineError {
    /// A stage reads a layer no earlier stage writes.
    #[error("stage '{stage}' reads {layer}, but no earlier stage writes it")]
    MissingLayer {
        /// The stage.
        stage: &'static str,
        /// The missing layer.
        layer: Layer,
    },
}

/// An ordered list of stages, checked at construction.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Builds a pipeline; the reader provides [`Layer::Body`].
    ///
    /// # Errors
    /// [`PipelineError::MissingLayer`] if a stage reads a layer that no earlier stage writes.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut have = vec![Layer::Body];
        for s in &stages {
            for l in s.reads() {
                if !have.contains(l) {
                    return Err(PipelineError::MissingLayer {
                        stage: s.name(),
                        layer: *l,
                    });
                }
            }
            have.extend_from_slice(s.writes());
        }
        Ok(Pipeline { stages })
    }

    /// Names of the stages in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage on the document, stopping at the first error.
    ///
    /// # Errors
    /// The first stage error.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for s in &self.stages {
            s.run(doc)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn reads(&self) -> &'static [Layer] {
            self.1
        }
        fn writes(&self) -> &'static [Layer] {
            self.2
        }
        fn run(&self, doc: &mut Document) -> Result<(), StageError> {
            doc.text.push_str(self.0);
            Ok(())
        }
    }

    #[test]
    fn refuses_a_stage_whose_input_is_missing() {
        let err = Pipeline::new(vec![Box::new(Fake(
            "events",
            &[Layer::Mentions],
            &[Layer::Events],
        ))])
        .err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("stage 'events' reads mentions, but no earlier stage writes it".into())
        );
    }

    #[test]
    fn runs_stages_in_order() {
        let p = Pipeline::new(vec![
            Box::new(Fake("a", &[Layer::Body], &[Layer::Text])),
            Box::new(Fake("b", &[Layer::Text], &[Layer::Sentences])),
        ])
        .unwrap();
        let mut d = Document::default();
        p.run(&mut d).unwrap();
        assert_eq!(d.text, "ab");
        assert_eq!(p.names(), vec!["a", "b"]);
    }
}
