//! The `vigie` command line.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::process::ExitCode;
use vigie_cli::{offer, render};
use vigie_core::{CheckOptions, Engine};

#[derive(Parser)]
#[command(
    name = "vigie",
    version,
    about = "Checks job offers, links and phones for signs of recruitment fraud, trafficking and stalkerware. Runs offline."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check job offers or recruiters' messages (one file each; `-` reads standard input).
    Offer {
        /// Language of explanations (en, fr, es, pt...).
        #[arg(long)]
        lang: Option<String>,
        /// Output format: readable text or one JSON object per input.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Each input is a conversation in JSON: [{"sender": "...", "text": "..."}].
        #[arg(long)]
        conversation: bool,
        /// A data pack to use instead of the embedded one.
        #[arg(long)]
        pack: Option<String>,
        /// Files to check (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Check links, hosts or e-mail addresses (lookalikes, known-bad hosts, shorteners, mail).
    Url {
        /// Output format: readable text or one JSON object per input.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A data pack to use instead of the embedded one.
        #[arg(long)]
        pack: Option<String>,
        /// Links, hosts or e-mail addresses.
        #[arg(required = true)]
        inputs: Vec<String>,
    },
    /// Check phones for stalkerware, monitoring apps, risky settings and location sharing
    /// (device snapshots in JSON, see docs/snapshot.md; `-` reads standard input).
    Audit {
        /// Language of explanations (en, fr, es, pt...).
        #[arg(long)]
        lang: Option<String>,
        /// Output format: readable text or one JSON object per snapshot.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A data pack to use instead of the embedded one (build one with imported indicators
        /// with `vigie pack build --echap DIR`).
        #[arg(long)]
        pack: Option<String>,
        /// Collect a snapshot from the phone connected with USB, using `adb`.
        #[arg(long)]
        adb: bool,
        /// With --adb: the device serial, when several are connected.
        #[arg(long, requires = "adb")]
        serial: Option<String>,
        /// Snapshot files (`-` for standard input).
        #[arg(required_unless_present = "adb")]
        snapshots: Vec<String>,
    },
    /// Build and inspect data packs.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
}

#[derive(Subcommand)]
enum PackCommand {
    /// Build a pack from a source folder (default: the built-in sources).
    Build {
        /// Source folder laid out like core/data/default.
        #[arg(long)]
        source: Option<std::path::PathBuf>,
        /// Where to write the pack.
        #[arg(short = 'o', long)]
        output: std::path::PathBuf,
        /// Extra known-bad hosts (one a line, hosts/adblock lines, or JSON), repeatable.
        #[arg(long)]
        blocklist: Vec<std::path::PathBuf>,
        /// Extra URL shorteners, repeatable.
        #[arg(long)]
        shorteners: Vec<std::path::PathBuf>,
        /// Extra free webmail domains, repeatable.
        #[arg(long)]
        free_mail: Vec<std::path::PathBuf>,
        /// Extra disposable mail domains, repeatable.
        #[arg(long)]
        disposable: Vec<std::path::PathBuf>,
        /// A checkout of Echap's stalkerware-indicators (ioc.yaml, watchware.yaml,
        /// samples.csv) to import.
        #[arg(long)]
        echap: Option<std::path::PathBuf>,
        /// ISDi's app-flags.csv to import.
        #[arg(long)]
        isdi: Option<std::path::PathBuf>,
    },
    /// Print a pack's header.
    Info {
        /// The pack file.
        pack: String,
    },
}

fn load_engine(pack: Option<&str>) -> Result<Engine, String> {
    match pack {
        None => Ok(Engine::new()),
        Some(p) => {
            let bytes = vigie_cli::input::read_bytes(p)?;
            Engine::from_pack(&bytes).map_err(|e| format!("{p}: {e}"))
        }
    }
}

/// Writes one input's result in the chosen format; returns whether that input failed.
fn emit<T: serde::Serialize>(
    out: &mut impl Write,
    name: &str,
    result: &Result<T, String>,
    format: Format,
    text: impl Fn(&str, &T) -> String,
) -> Result<bool, String> {
    let line = match (result, format) {
        (Ok(r), Format::Json) => render::json_line(name, Ok(r)),
        (Ok(r), Format::Text) => text(name, r),
        (Err(e), Format::Json) => render::json_line::<()>(name, Err(e)),
        (Err(e), Format::Text) => format!("== {name}\nerror: {e}\n"),
    };
    writeln!(out, "{line}").map_err(|e| e.to_string())?;
    Ok(result.is_err())
}

/// Flushes the output; exit code 1 when some input could not be checked.
fn finish(mut out: impl Write, failed: bool) -> Result<ExitCode, String> {
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigie: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Offer {
            lang,
            format,
            conversation,
            pack,
            files,
        } => {
            let engine = load_engine(pack.as_deref())?;
            let options = CheckOptions { lang };
            let mut failed = false;
            for name in &files {
                let result = offer::check_input(&engine, name, conversation, &options);
                failed |= emit(&mut out, name, &result, format, render::offer_text)?;
            }
            finish(out, failed)
        }
        Command::Url {
            format,
            pack,
            inputs,
        } => {
            let engine = load_engine(pack.as_deref())?;
            let mut failed = false;
            for input in &inputs {
                let result = vigie_cli::url::check(&engine, input);
                failed |= result.is_err();
                let line = match format {
                    Format::Json => vigie_cli::url::json_line(input, &result),
                    Format::Text => vigie_cli::url::text(input, &result),
                };
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
            finish(out, failed)
        }
        Command::Audit {
            lang,
            format,
            pack,
            adb,
            serial,
            snapshots,
        } => {
            let engine = load_engine(pack.as_deref())?;
            let options = CheckOptions { lang };
            let mut inputs: Vec<(String, Result<vigie_core::AuditReport, String>)> = Vec::new();
            if adb {
                let name = format!("adb:{}", serial.as_deref().unwrap_or("device"));
                let r = vigie_cli::audit::audit_adb(&engine, serial.as_deref(), &options);
                inputs.push((name, r));
            }
            let mut failed = false;
            for name in snapshots {
                let r = vigie_cli::audit::audit_file(&engine, &name, &options);
                inputs.push((name, r));
            }
            for (name, result) in &inputs {
                failed |= emit(&mut out, name, result, format, vigie_cli::audit::text)?;
            }
            finish(out, failed)
        }
        Command::Pack {
            command:
                PackCommand::Build {
                    source,
                    output,
                    blocklist,
                    shorteners,
                    free_mail,
                    disposable,
                    echap,
                    isdi,
                },
        } => {
            let dir = source.unwrap_or_else(vigie_cli::pack_build::default_source_dir);
            let mut files = vigie_cli::pack_build::read_source_dir(&dir)?;
            for (list, paths) in [
                ("blocklist", &blocklist),
                ("shorteners", &shorteners),
                ("free_mail", &free_mail),
                ("disposable_mail", &disposable),
            ] {
                vigie_cli::pack_build::add_host_lists(&mut files, list, paths)?;
            }
            let mut extra = serde_json::Map::new();
            if echap.is_some() || isdi.is_some() {
                let (section, stats) =
                    vigie_cli::import::build_section(echap.as_deref(), isdi.as_deref())?;
                extra.insert("indicators".into(), section);
                writeln!(
                    out,
                    "imported {}",
                    serde_json::to_string(&stats).unwrap_or_default()
                )
                .map_err(|e| e.to_string())?;
            }
            let bytes = vigie_core::pack::sources::build_pack(&files, extra)?;
            Engine::from_pack(&bytes).map_err(|e| format!("the built pack does not load: {e}"))?;
            std::fs::write(&output, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            writeln!(out, "wrote {} ({} bytes)", output.display(), bytes.len())
                .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack {
            command: PackCommand::Info { pack },
        } => {
            let bytes = vigie_cli::input::read_bytes(&pack)?;
            let parsed =
                vigie_core::pack::Pack::parse(&bytes).map_err(|e| format!("{pack}: {e}"))?;
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&parsed.info).map_err(|e| e.to_string())?
            )
            .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
