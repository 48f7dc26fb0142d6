//! # vigie-cli
//!
//! The `vigie` command: checks job offers and conversations from files or standard input,
//! prints readable reports or one JSON object per input, and builds data packs. The library
//! part holds what the binary and the tests share: reading inputs and rendering reports.

#![deny(missing_docs)]

pub mod adb;
pub mod audit;
pub mod import;
pub mod input;
pub mod offer;
pub mod pack_build;
pub mod render;
pub mod url;
