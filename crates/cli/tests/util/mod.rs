//! Shared harness for the `entente` command-line tests: a temporary directory, the built
//! binary run with arguments, and its captured output.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (two levels above the cli crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The sample corpus shipped with the repository.
pub fn news() -> PathBuf {
    repo_root().join("examples/news")
}

/// The built `entente` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_entente"))
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Output {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Output {
    /// Panics with both streams when the run did not exit 0.
    pub fn ok(self) -> Output {
        assert_eq!(
            self.code, 0,
            "entente failed\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The lines of stdout parsed as JSON values.
    pub fn jsonl(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
            .collect()
    }

    /// Stdout parsed as one JSON value.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A temporary directory with a database path in it.
pub struct Sandbox {
    /// The directory, removed on drop.
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    /// A fresh sandbox.
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The sandbox directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The database file of this sandbox.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("entente.db")
    }

    /// Writes a file (creating folders) and returns its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, contents).expect("write file");
        p
    }

    /// A command for the binary, with `--db` pointing into the sandbox, run from the sandbox.
    pub fn cmd<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Command {
        let mut c = Command::new(bin());
        c.args(args)
            .arg("--db")
            .arg(self.db())
            .arg("--data")
            .arg(repo_root().join("data"))
            .current_dir(self.dir.path())
            .env_remove("ENTENTE_DB")
            .env_remove("ENTENTE_DATA");
        c
    }

    /// Runs the binary with `args` (plus `--db`) and captures its output.
    pub fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Output {
        run_cmd(self.cmd(args), None)
    }

    /// Runs the binary with `args`, feeding `stdin`.
    pub fn run_stdin<S: AsRef<std::ffi::OsStr>>(&self, args: &[S], stdin: &[u8]) -> Output {
        run_cmd(self.cmd(args), Some(stdin))
    }

    /// Ingests `paths` quietly and returns the run.
    pub fn ingest<S: AsRef<std::ffi::OsStr>>(&self, paths: &[S]) -> Output {
        let mut args: Vec<std::ffi::OsString> = vec!["ingest".into(), "--quiet".into()];
        args.extend(paths.iter().map(|p| p.as_ref().to_os_string()));
        self.run(&args)
    }

    /// `entente events --format jsonl`, parsed.
    pub fn events(&self) -> Vec<serde_json::Value> {
        self.run(&["events", "--format", "jsonl"]).ok().jsonl()
    }
}

/// Runs a prepared command and captures its output.
pub fn run_cmd(mut c: Command, stdin: Option<&[u8]>) -> Output {
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().expect("spawn entente");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        // a writer thread, so that a large input cannot deadlock against a full stdout pipe
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("wait for entente");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
