//! The engine: data loaded and stages built once, shared by every worker.

use crate::stages::{document_from_article, CleanStage, TimeStage};
use entente_clean::Cleaner;
use entente_doc::{Document, Pipeline, PipelineError, StageError};
use entente_extract::{EventExtractor, LexiconError};
use entente_kb::{Kb, KbError};
use entente_read::Article;
use entente_recognise::Recogniser;
use entente_segment::Segmenter;
use entente_time::Tagger;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The engine could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The knowledge base failed to load.
    #[error("knowledge base: {0}")]
    Kb(#[from] KbError),
    /// The lexicon failed to load.
    #[error("lexicon: {0}")]
    Lexicon(#[from] LexiconError),
    /// The stages do not fit together.
    #[error("pipeline: {0}")]
    Pipeline(#[from] PipelineError),
}

/// Loaded data and the per-article pipeline.
pub struct Engine {
    kb: Arc<Kb>,
    pipeline: Pipeline,
    data_dir: PathBuf,
}

impl Engine {
    /// Loads `kb/` and `lexicon/` from the data directory and builds the pipeline.
    ///
    /// # Errors
    /// When a data file is missing or invalid (the message names it).
    pub fn load(data_dir: &Path) -> Result<Engine, EngineError> {
        let kb = Arc::new(Kb::load(&data_dir.join("kb"))?);
        let extractor = EventExtractor::load(data_dir)?;
        let pipeline = Pipeline::new(vec![
            Box::new(CleanStage::new(Cleaner::new())),
            Box::new(Segmenter),
            Box::new(TimeStage::new(Tagger::new())),
            Box::new(Recogniser::new(Arc::clone(&kb))),
            Box::new(extractor),
        ])?;
        Ok(Engine {
            kb,
            pipeline,
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// The knowledge base.
    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// The data directory the engine was loaded from.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Names of the stages in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.pipeline.names()
    }

    /// Runs every stage on one article.
    ///
    /// # Errors
    /// When a stage fails on it.
    pub fn process(&self, article: Article) -> Result<Document, StageError> {
        let mut doc = document_from_article(article);
        self.pipeline.run(&mut doc)?;
        Ok(doc)
    }

    /// Runs every stage on a document already holding its body.
    ///
    /// # Errors
    /// When a stage fails on it.
    pub fn process_document(&self, doc: &mut Document) -> Result<(), StageError> {
        self.pipeline.run(doc)
    }
}
