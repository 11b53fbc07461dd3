//! The one place akashi calls a YAML library.
//!
//! Everything else sees [`Node`], a plain tree whose mapping entries carry the byte spans of
//! their key and value in the YAML text, so that errors can name the absolute line and column
//! of the key at fault. Replacing the YAML crate means changing this file only.
//!
//! Spans come from a one-pass index of block-style `key:` lines (the form front matter and
//! references.yaml use). A key written in flow style (`{a: 1}`) has no span of its own and is
//! reported at the span of the nearest enclosing key that has one.

use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    /// Span of the key in the YAML text.
    pub key_span: Range<usize>,
    /// Span of the value's text on the key's line (the key's span when the value starts on the
    /// next lines).
    pub value_span: Range<usize>,
    pub value: Node,
}

/// A YAML syntax error, at a byte offset in the text given to [`parse`].
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
    /// Where the construct being parsed started (the `[` of an unclosed list), when the parser
    /// says so.
    pub context_offset: Option<usize>,
}

impl SyntaxError {
    /// The message for users, with the construct's start as an absolute position from
    /// `line_col` (which maps an offset in the YAML text to a line and column in the file).
    pub fn describe(&self, line_col: impl Fn(usize) -> (usize, usize)) -> String {
        match self.context_offset {
            Some(at) => {
                let (line, column) = line_col(at);
                format!(
                    "YAML syntax error: {} that starts at line {line}, column {column}",
                    self.message
                )
            }
            None => format!("YAML syntax error: {}", self.message),
        }
    }
}

impl Node {
    /// What kind of value this is, in words for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "nothing",
            Node::Bool(_) => "true/false",
            Node::Int(_) | Node::Float(_) => "a number",
            Node::Str(_) => "text",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }

    /// Moves every span in the tree `by` bytes on: for a node parsed from a slice of a larger
    /// text that starts `by` bytes in.
    pub fn shift(&mut self, by: usize) {
        match self {
            Node::Seq(items) => items.iter_mut().for_each(|n| n.shift(by)),
            Node::Map(entries) => {
                for e in entries {
                    e.key_span = e.key_span.start + by..e.key_span.end + by;
                    e.value_span = e.value_span.start + by..e.value_span.end + by;
                    e.value.shift(by);
                }
            }
            _ => {}
        }
    }

    /// The value as text when it is a scalar (numbers and booleans as written).
    pub fn as_scalar_text(&self) -> Option<String> {
        match self {
            Node::Str(s) => Some(s.clone()),
            Node::Int(i) => Some(i.to_string()),
            Node::Float(f) => Some(f.to_string()),
            Node::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// Parses one YAML document. An empty text is [`Node::Null`].
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let (message, context) = strip_locations(&e.to_string());
        // A key defined twice is reported at the start of the document: find the second.
        let offset = duplicate_key_offset(text, &message)
            .or_else(|| e.location().map(|l| l.index()))
            .unwrap_or(0)
            .min(text.len());
        SyntaxError {
            offset,
            message,
            context_offset: context.map(|(line, column)| offset_of(text, line, column)),
        }
    })?;
    let index = KeyIndex::build(text);
    let mut path = Vec::new();
    Ok(convert(value, &index, &mut path, 0..0))
}

fn convert(
    value: serde_yaml::Value,
    index: &KeyIndex,
    path: &mut Vec<String>,
    outer: Range<usize>,
) -> Node {
    use serde_yaml::Value as V;
    match value {
        V::Null => Node::Null,
        V::Bool(b) => Node::Bool(b),
        V::Number(n) => match n.as_i64() {
            Some(i) => Node::Int(i),
            None => Node::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        V::String(s) => Node::Str(s),
        V::Sequence(items) => Node::Seq(
            items
                .into_iter()
                .map(|v| convert(v, index, path, outer.clone()))
                .collect(),
        ),
        V::Mapping(map) => Node::Map(
            map.into_iter()
                .map(|(k, v)| {
                    let key = match convert(k, index, path, outer.clone()) {
                        Node::Str(s) => s,
                        other => other.as_scalar_text().unwrap_or_default(),
                    };
                    path.push(key.clone());
                    let (key_span, value_span) =
                        index.get(path).unwrap_or((outer.clone(), outer.clone()));
                    let value = convert(v, index, path, key_span.clone());
                    path.pop();
                    Entry {
                        key,
                        key_span,
                        value_span,
                        value,
                    }
                })
                .collect(),
        ),
        V::Tagged(tagged) => convert(tagged.value, index, path, outer),
    }
}

/// serde_yaml appends "at line L column C" (relative to the fragment) to its messages, once for
/// the error and once more for the construct it was parsing; callers report absolute positions
/// themselves. Returns the bare message and the construct's (line, column).
fn strip_locations(message: &str) -> (String, Option<(usize, usize)>) {
    let mut message = message.to_string();
    let mut positions = Vec::new();
    while let Some(at) = message.find(" at line ") {
        let rest = &message[at + " at line ".len()..];
        let line: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Some(c) = rest.find(" column ") else {
            break;
        };
        let digits = &rest[c + " column ".len()..];
        let column: String = digits.chars().take_while(char::is_ascii_digit).collect();
        let tail = digits[column.len()..].to_string();
        positions.push((line.parse().unwrap_or(1), column.parse().unwrap_or(1)));
        message.truncate(at);
        message.push_str(&tail);
    }
    // The first position is the error's own (also in `location()`); a second is the context's.
    (message, positions.get(1).copied())
}

/// Where a key that the YAML parser reports as defined twice (`duplicate entry with key "k"`,
/// placed at the start of the document) is defined the second time: the start of the second line
/// that begins with it at the same indentation as the first.
fn duplicate_key_offset(text: &str, message: &str) -> Option<usize> {
    let key = message
        .strip_prefix("duplicate entry with key \"")?
        .strip_suffix('"')?;
    let mut seen: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let rest = trimmed
            .strip_prefix(key)
            .or_else(|| trimmed.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| trimmed.strip_prefix(&format!("'{key}'")));
        if !rest.is_some_and(|r| r.trim_start().starts_with(':')) {
            continue;
        }
        match seen {
            Some(first) if first == indent => return Some(start + indent),
            Some(_) => {}
            None => seen = Some(indent),
        }
    }
    None
}

/// Byte offset of 1-based `line` and character `column` in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>()
}

/// Spans of block-style mapping keys, by their path from the root.
struct KeyIndex {
    spans: HashMap<String, (Range<usize>, Range<usize>)>,
}

impl KeyIndex {
    fn build(text: &str) -> Self {
        let mut spans = HashMap::new();
        // (indent, key) of the enclosing keys.
        let mut stack: Vec<(usize, String)> = Vec::new();
        let mut offset = 0;
        for raw_line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += raw_line.len();
            let line = raw_line.trim_end_matches(['\n', '\r']);
            let mut indent = line.len() - line.trim_start_matches(' ').len();
            let mut rest = &line[indent..];
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            // `- key: value` opens a mapping inside a list item.
            while let Some(after) = rest.strip_prefix("- ") {
                let spaces = after.len() - after.trim_start_matches(' ').len();
                indent += 2 + spaces;
                rest = &after[spaces..];
            }
            let Some((key, key_len)) = leading_key(rest) else {
                continue;
            };
            while stack.last().is_some_and(|(i, _)| *i >= indent) {
                stack.pop();
            }
            stack.push((indent, key));
            let key_start = line_start + indent;
            let key_span = key_start..key_start + key_len;
            let after_colon = &rest[key_len..];
            let after_colon = &after_colon[after_colon.find(':').map_or(0, |i| i + 1)..];
            let value_text = after_colon.trim_start();
            let value_start = line_start + line.len() - value_text.len();
            let value_text = strip_comment(value_text).trim_end();
            let value_span = if value_text.is_empty() {
                key_span.clone()
            } else {
                value_start..value_start + value_text.len()
            };
            let path = join(stack.iter().map(|(_, k)| k.as_str()));
            spans.entry(path).or_insert((key_span, value_span));
        }
        KeyIndex { spans }
    }

    fn get(&self, path: &[String]) -> Option<(Range<usize>, Range<usize>)> {
        self.spans
            .get(&join(path.iter().map(String::as_str)))
            .cloned()
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join("\u{0}")
}

/// The key at the start of `rest` (plain or quoted) and the byte length it takes, when the line
/// is `key: ...` or `key:`.
fn leading_key(rest: &str) -> Option<(String, usize)> {
    let (key, len) = match rest.chars().next()? {
        q @ ('"' | '\'') => {
            let end = rest[1..].find(q)? + 2;
            (rest[1..end - 1].to_string(), end)
        }
        _ => {
            let mut end = None;
            for (i, c) in rest.char_indices() {
                if c == ':'
                    && rest[i + 1..]
                        .chars()
                        .next()
                        .is_none_or(|n| n == ' ' || n == '\t')
                {
                    end = Some(i);
                    break;
                }
                if c == '#' && i > 0 && rest[..i].ends_with(' ') {
                    return None;
                }
            }
            let end = end?;
            (
                rest[..end].trim_end().to_string(),
                rest[..end].trim_end().len(),
            )
        }
    };
    let after = rest[len..].trim_start_matches(' ');
    if !after.starts_with(':')
        || key.is_empty()
        || key.starts_with(['[', '{', '&', '*', '!', '|', '>'])
    {
        return None;
    }
    Some((key, len))
}

fn strip_comment(value: &str) -> &str {
    if value.starts_with(['"', '\'']) {
        return value;
    }
    match value.find(" #") {
        Some(i) => &value[..i],
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_carry_their_spans() {
        let text = "title: うつ病\nself_pay:\n  cost: 1回 5,000円 # 税込\n";
        let Node::Map(entries) = parse(text).unwrap() else {
            panic!()
        };
        assert_eq!(&text[entries[0].key_span.clone()], "title");
        assert_eq!(&text[entries[0].value_span.clone()], "うつ病");
        let Node::Map(inner) = &entries[1].value else {
            panic!()
        };
        assert_eq!(&text[inner[0].key_span.clone()], "cost");
        assert_eq!(&text[inner[0].value_span.clone()], "1回 5,000円");
    }

    #[test]
    fn a_key_defined_twice_is_reported_at_its_second_definition() {
        let text = "a: 1\nb:\n  a: 2\na: 3\n";
        let err = parse(text).unwrap_err();
        assert_eq!(err.offset, text.rfind("a: 3").unwrap(), "{}", err.message);
    }

    #[test]
    fn syntax_error_has_offset_without_fragment_position_in_message() {
        let text = "a: 1\nb: [1, 2\n";
        let err = parse(text).unwrap_err();
        assert!(!err.message.contains(" at line "), "{}", err.message);
        assert!(err.offset > 0);
        assert_eq!(err.context_offset, Some(text.find('[').unwrap()));
    }
}
