//! Stage 3, beside the self-introduction: an illustration the asker offers, not what they ask
//! about.
//!
//! People who ask for plain words often bring their own picture to check: "深度学习编译器是干嘛的？
//! 大白话讲讲，是不是像把一份通用菜谱改写成某个厨房专用的做法", "self-attention 能不能用生活里的例子讲讲？
//! 比如开会的时候每个人决定该重点听谁说话", "ELI5 LoRA, is it like a sticky note on a textbook?".
//! The recipe, the meeting and the sticky note are the asker's picture; weighed as part of the
//! question they outnumber the one name it asks about, and the message goes unanswered. So in a
//! message that asks for an analogy or plain words, what follows a word that opens a picture
//! ("是不是像", "比如", "is it like") up to the end of its sentence is set aside as the
//! self-introduction is: shown, but neither evidence nor unexplained. Without that wish the same
//! words introduce the topic itself ("推理框架比如 vllm 和 tgi 有啥区别"), and stay.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::background::phrases_in;

/// Words that ask for an analogy or for plain words, as normalised text.
#[rustfmt::skip]
const WISHES: &[&str] = &[
    "比喻", "打比方", "打个比方", "类比", "大白话", "白话", "通俗", "人话", "生活中", "生活里", "形象", "eli5", "analogy",
    "analogies", "metaphor", "simple terms", "plain english", "plain words", "layman",
    "like i'm five", "like im five", "five year old", "5 year old",
    // Asking whether a picture of one's own holds is asking for one ("LoRA 能不能理解成在教科书上
    // 贴便利贴", "can I think of it as a restaurant batching orders?").
    "能不能理解成", "可不可以理解成", "可以理解成", "能理解成", "能不能理解为", "可以理解为", "能否理解为",
    "可否理解为", "can i think of it as", "can we think of it as", "is it fair to think of it as",
];

/// Words that open the asker's picture, as normalised text: the earliest in a segment opens it.
#[rustfmt::skip]
const OPENINGS: &[&str] = &[
    "是不是就像", "是不是像", "就好比", "就好像", "就像", "好比", "比如说", "比如", "有点像", "像不像", "类似于", "想象成", "理解成", "理解为",
    "比作", "is it like", "is it kind of like", "kind of like", "sort of like", "like when",
    "think of it as", "think of it like", "as if",
];

/// Marks that end a sentence, and with it a picture.
const SENTENCE_ENDS: &[char] = &['?', '!', '。', '？', '！', '\n'];

/// Whether a message (normalised, whole) asks for an analogy or for plain words. Every message
/// is read for it, so all the wishes are looked for in one pass.
pub fn wished(whole: &str) -> bool {
    static ANY: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(WISHES).ok());
    ANY.as_ref().is_some_and(|wishes| wishes.is_match(whole))
}

/// Splits segments further where a picture begins: its text, from the word that opens it to
/// the end of its sentence, is marked true. `open` carries a picture across the list
/// punctuation that separates pieces ("是不是像把菜谱改写成厨房专用的做法，好让那台灶做得更快");
/// segments already marked stay as they are.
pub fn split<'a>(segments: Vec<(&'a str, bool)>, open: &mut bool) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    for (text, marked) in segments {
        if marked {
            out.push((text, true));
            continue;
        }
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            if *open {
                match rest.find(SENTENCE_ENDS) {
                    Some(end) => {
                        let end = at + end + rest[end..].chars().next().map_or(0, char::len_utf8);
                        out.push((&text[at..end], true));
                        at = end;
                        *open = false;
                    }
                    None => {
                        out.push((rest, true));
                        at = text.len();
                    }
                }
            } else {
                match opening(rest) {
                    Some(start) => {
                        out.push((&rest[..start], false));
                        at += start;
                        *open = true;
                    }
                    None => {
                        out.push((rest, false));
                        at = text.len();
                    }
                }
            }
        }
    }
    out.retain(|(s, _)| !s.trim().is_empty());
    out.iter_mut().for_each(|(s, _)| *s = s.trim());
    out
}

/// The byte offset of the first word opening a picture, whole words for Latin ones.
fn opening(text: &str) -> Option<usize> {
    static OPENS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(OPENINGS).ok());
    phrases_in(OPENS.as_ref()?, text).map(|r| r.start).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pictures(pieces: &[&str]) -> Vec<String> {
        let mut open = false;
        pieces
            .iter()
            .flat_map(|p| split(vec![(p, false)], &mut open))
            .filter(|(_, m)| *m)
            .map(|(s, _)| s.to_string())
            .collect()
    }

    #[test]
    fn a_picture_runs_to_the_end_of_its_sentence() {
        assert_eq!(
            pictures(&["self-attention 能不能用例子讲讲?比如开会的时候听谁说话?还有别的吗"]),
            ["比如开会的时候听谁说话?"]
        );
        assert_eq!(
            pictures(&[
                "大白话讲讲",
                "是不是像把菜谱改写成厨房专用的做法",
                "好让那台灶做得更快"
            ]),
            ["是不是像把菜谱改写成厨房专用的做法", "好让那台灶做得更快"]
        );
        assert_eq!(
            pictures(&["eli5 lora, is it like a sticky note on a textbook? thanks"]),
            ["is it like a sticky note on a textbook?"]
        );
    }

    #[test]
    fn latin_openings_are_whole_words() {
        assert!(opening("unlike when").is_none());
        assert_eq!(opening("it is like when"), Some(6));
    }

    #[test]
    fn a_wish_is_needed() {
        assert!(wished("用大白话讲讲 lora") && wished("eli5 zero"));
        assert!(!wished("推理框架比如 vllm 和 tgi 有啥区别"));
    }
}
