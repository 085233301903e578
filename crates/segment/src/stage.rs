//! The segmentation stage.

use crate::{sentences, tokens};
use entente_doc::{Document, Layer, Sentence, Stage, StageError, Token};

/// Writes sentences and tokens; sentences overlapping a caption span are marked as captions.
#[derive(Debug, Default, Clone, Copy)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "sentences"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Text]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.sentences.clear();
        doc.tokens.clear();
        for s in sentences(&doc.text) {
            let first = doc.tokens.len() as u32;
            doc.tokens.extend(
                tokens(&doc.text, s.span)
                    .into_iter()
                    .map(|span| Token { span }),
            );
            let caption = doc.captions.iter().any(|c| c.overlaps(s.span));
            doc.sentences.push(Sentence {
                span: s.span,
                caption,
                headline: s.headline,
                first_token: first,
                end_token: doc.tokens.len() as u32,
            });
        }
        Ok(())
    }
}
