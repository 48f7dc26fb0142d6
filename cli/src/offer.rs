//! `vigie offer`: checks each input as a job offer, or with `--conversation` as a chat
//! exchange given as JSON (`[{"sender": "...", "text": "..."}]`).

use crate::input;
use serde::Deserialize;
use vigie_core::{CheckOptions, Engine, Message, OfferReport};

#[derive(Deserialize)]
struct JsonMessage {
    #[serde(default)]
    sender: String,
    text: String,
}

/// Parses a conversation given as a JSON array of messages (or `{"messages": [...]}`).
pub fn parse_conversation(text: &str) -> Result<Vec<Message>, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape {
        List(Vec<JsonMessage>),
        Wrapped { messages: Vec<JsonMessage> },
    }
    let shape: Shape =
        serde_json::from_str(text).map_err(|e| format!("not a conversation in JSON: {e}"))?;
    let list = match shape {
        Shape::List(l) | Shape::Wrapped { messages: l } => l,
    };
    Ok(list
        .into_iter()
        .map(|m| Message {
            sender: m.sender,
            text: m.text,
        })
        .collect())
}

/// Checks one input by name; errors are messages fit for the user.
pub fn check_input(
    engine: &Engine,
    name: &str,
    conversation: bool,
    options: &CheckOptions,
) -> Result<OfferReport, String> {
    let text = input::read_text(name)?;
    if conversation {
        let messages = parse_conversation(&text)?;
        engine
            .check_conversation(&messages, options)
            .map_err(|e| e.to_string())
    } else {
        engine
            .check_offer(&text, options)
            .map_err(|e| e.to_string())
    }
}
