//! Stage 0, first of all: what a chat app writes into a message's text besides words.
//!
//! A message arrives as the app stores it. Discord writes a mention of a person, a role or a
//! channel as `<@123…>`, `<@&…>`, `<#…>`, a server's own emoji as `<:pepe_cry:1122…>`, a
//! timestamp as `<t:1700000000:R>` and a command as `</ask:…>`; people type emoji as
//! shortcodes (`:pray:`, `:+1:`), address each other with `@name` and `@everyone`, and say
//! "me too" with "+1". None of it is a word of the question, but read as text it is: a
//! custom emoji's name and number ("pepe", "cry", 1122…) outweighed the "zero3" beside them,
//! ":pray:" a LoRA question's. So each becomes a space, except the shortcodes of emoji that
//! say a greeting or thanks on their own (`:wave:`, `:pray:`), which become those emoji, as
//! small talk reads them. The line a forwarded message is copied under ("Forwarded from 炼丹群",
//! "转发自…") names where it came from, not what is asked, and is left out.
//!
//! A question typed as a search command ("/ask@ganhuo_bot LoRA 教程", "/search vllm", "/搜 剪枝")
//! is what follows the command: the front ends read it so, and so does the engine, for the
//! command's name and the bot's handle are no words of the question ("ask" beside "bot" had
//! asked how the bot is used). Another bot's command ("/remind me in 30 minutes …", "/点歌
//! 稻香") is no question at all ([`for_another_bot`]).
//!
//! A bot's handle stays: a question about using one is about it ("群里用的话要 @ganhuo 吗").
//! Only marks that stand apart are read: an address's `@` ("me@example.com"), a time's colons
//! ("10:30:45") and a path's ("std::vector") are left as typed.

use std::borrow::Cow;

use crate::platform::Command;

/// Shortcodes of emoji that are a whole message's greeting or thanks, and those emoji.
const SAYING: &[(&str, &str)] = &[
    ("wave", "👋"),
    ("hand", "👋"),
    ("raised_hand", "👋"),
    ("pray", "🙏"),
    ("folded_hands", "🙏"),
    ("+1", "👍"),
    ("thumbsup", "👍"),
    ("thumbs_up", "👍"),
    ("heart", "❤"),
    ("red_heart", "❤"),
    ("100", "💯"),
    ("ok_hand", "👌"),
    ("clap", "👏"),
    ("raised_hands", "🙌"),
    ("handshake", "🤝"),
];

/// The longest shortcode or handle read (Discord's emoji names have at most 32 characters).
const LONGEST_NAME: usize = 40;
/// The most characters a handle written in Chinese has ("@张三"); a longer run after an `@`
/// is text typed against it.
const LONGEST_CJK_HANDLE: usize = 5;

/// The message without the chat app's marks (see the module's documentation); borrowed when
/// it has none.
pub fn strip(text: &str) -> Cow<'_, str> {
    let text = asked(text);
    match without_forward_headings(text) {
        Cow::Borrowed(text) => strip_marks(text),
        Cow::Owned(text) => Cow::Owned(strip_marks(&text).into_owned()),
    }
}

/// What a message typed as a search command asks: what follows the command.
fn asked(text: &str) -> &str {
    match Command::parse(text) {
        Some(command) if command.asks() => command.rest,
        _ => text,
    }
}

/// Whether a message is another bot's command: it opens with a command that is none of ours,
/// and whose name is no word `known` to the catalogue ("/lora 教程" names a topic).
pub fn for_another_bot(text: &str, known: impl Fn(&str) -> bool) -> bool {
    Command::parse(text).is_some_and(|command| {
        command.is_named() && !command.is_ours() && !known(&command.name.to_lowercase())
    })
}

/// How the line a forwarded message is copied under opens, lower-cased.
const FORWARD_HEADINGS: &[&str] = &["forwarded from", "forwarded message", "转发自", "转自"];

/// The message without the lines that say where a forwarded message came from ("Forwarded
/// from 炼丹群"): the group or channel named there is not what is asked. What follows a colon
/// on such a line is the forwarded text itself, typed on one line ("Forwarded from my lead:
/// \"shard the optimizer states with ZeRO-3\" …"), and is kept.
fn without_forward_headings(text: &str) -> Cow<'_, str> {
    if !(text.contains("orwarded") || text.contains("转")) {
        return Cow::Borrowed(text);
    }
    let heading = |line: &str| {
        let line = line.trim_start_matches(|c: char| c.is_whitespace() || "[(【-—>".contains(c));
        FORWARD_HEADINGS.iter().any(|h| {
            line.get(..h.len())
                .is_some_and(|opening| opening.eq_ignore_ascii_case(h))
        })
    };
    if !text.lines().any(heading) {
        return Cow::Borrowed(text);
    }
    let kept: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            if !heading(line) {
                return Some(line);
            }
            let (_, after) = line.split_once([':', '：'])?;
            Some(after.trim()).filter(|after| !after.is_empty())
        })
        .collect();
    Cow::Owned(kept.join("\n"))
}

fn strip_marks(text: &str) -> Cow<'_, str> {
    if !text.contains(['<', ':', '@', '+']) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Only ASCII bytes are looked at, and an ASCII byte always starts a character.
        let rest = &text[at..];
        // Right after a mark read, another may follow (":+1::+1:").
        let apart = || (out.is_some() && copied == at) || stands_apart(text, at);
        let found = match bytes[at] {
            b'<' => discord_token(rest).map(|len| (len, " ")),
            b':' if apart() => shortcode(rest),
            b'@' if apart() => handle(rest).map(|len| (len, " ")),
            b'+' if apart() => plus_one(rest).map(|len| (len, " ")),
            _ => None,
        };
        match found {
            Some((len, with)) => {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..at]);
                out.push_str(with);
                at += len;
                copied = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// Whether a message opens on the mention of a person (`<@123…>`, `@someone`, not a bot's
/// handle): it speaks to them, and its "you" is theirs ("<@…> 你的 PR 我 review 了，CI 挂了记得看下").
pub fn to_someone_else(text: &str) -> bool {
    let text = text.trim_start();
    let person = text
        .strip_prefix("<@")
        .is_some_and(|rest| !rest.starts_with('&'))
        && discord_token(text).is_some();
    person || (text.starts_with('@') && handle(text).is_some())
}

/// Whether the mark at byte `at` opens something of its own: it is not glued to a Latin word
/// or a number before it ("me@example.com", "10:30", "std::vector", "c++").
fn stands_apart(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '+' | '@')))
}

/// Whether a name ends here: at the text's end or before anything but a Latin letter or digit.
fn ends_apart(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
}

/// The length of a Discord token opening `rest` (which starts with `<`): a mention
/// (`<@1…>`, `<@!1…>`, `<@&1…>`, `<#1…>`), a custom emoji (`<:name:1…>`, `<a:name:1…>`), a
/// timestamp (`<t:1…>`, `<t:1…:R>`) or a command (`</ask:1…>`, `</ask sub:1…>`).
fn discord_token(rest: &str) -> Option<usize> {
    let end = rest
        .bytes()
        .take(LONGEST_NAME * 2)
        .position(|b| b == b'>')?;
    let inner = &rest[1..end];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let name = |s: &str| {
        !s.is_empty()
            && s.len() <= LONGEST_NAME
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    let token = if let Some(id) = inner
        .strip_prefix("@!")
        .or_else(|| inner.strip_prefix("@&"))
        .or_else(|| inner.strip_prefix('@'))
        .or_else(|| inner.strip_prefix('#'))
    {
        digits(id)
    } else if let Some(emoji) = inner.strip_prefix("a:").or_else(|| inner.strip_prefix(':')) {
        emoji
            .split_once(':')
            .is_some_and(|(n, id)| name(n) && digits(id))
    } else if let Some(time) = inner.strip_prefix("t:") {
        match time.split_once(':') {
            Some((seconds, style)) => {
                digits(seconds)
                    && style.len() == 1
                    && style.bytes().all(|b| b.is_ascii_alphabetic())
            }
            None => digits(time),
        }
    } else if let Some(command) = inner.strip_prefix('/') {
        command.rsplit_once(':').is_some_and(|(n, id)| {
            digits(id)
                && n.split(' ').all(|part| {
                    !part.is_empty()
                        && part.bytes().all(|b| {
                            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                        })
                })
        })
    } else {
        false
    };
    token.then_some(end + 1)
}

/// The length of an emoji shortcode opening `rest` (which starts with `:`), and what it
/// becomes: its emoji if it says a greeting or thanks ([`SAYING`]), else a space. A shortcode
/// is a name of letters, digits, `_`, `+` and `-` between colons, with a letter in it ("10:30:"
/// is a time) or one of [`SAYING`]'s ("+1", "100").
fn shortcode(rest: &str) -> Option<(usize, &'static str)> {
    let body = &rest[1..];
    let len = body.find(':')?;
    let name = &body[..len];
    let after = &body[len + 1..];
    if name.is_empty()
        || name.len() > LONGEST_NAME
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
        || !ends_apart(after)
    {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let saying = SAYING
        .iter()
        .find(|(code, _)| *code == lower)
        .map(|(_, e)| *e);
    if saying.is_none() && !name.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some((len + 2, saying.unwrap_or(" ")))
}

/// The length of a handle opening `rest` (which starts with `@`): `@some_user`, `@everyone`,
/// `@张三`. A run of Chinese after an `@` is a name only if short and ended by a space or a
/// mark ("@张三 vllm 怎么部署"), not the rest of a sentence.
fn handle(rest: &str) -> Option<usize> {
    let body = &rest[1..];
    let latin = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
        .unwrap_or(body.len());
    let latin = body[..latin].trim_end_matches(['.', '-']).len();
    if latin > 0 {
        let name = body[..latin].to_ascii_lowercase();
        // A bot named is what a question about using one is about ("群里用的话要 @ganhuo 吗");
        // every Telegram bot's name ends in "bot".
        let a_bot = name.contains("ganhuo") || name.ends_with("bot");
        return (!a_bot && latin <= LONGEST_NAME && ends_apart(&body[latin..]))
            .then_some(latin + 1);
    }
    let cjk: usize = body
        .chars()
        .take_while(|&c| super::normalise::is_cjk(c))
        .map(char::len_utf8)
        .sum();
    let chars = body[..cjk].chars().count();
    let ended = body[cjk..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    (chars > 0 && chars <= LONGEST_CJK_HANDLE && ended).then_some(cjk + 1)
}

/// The length of a "+1" opening `rest`, said alone ("同问 +1"), not a sum ("+10", "+1k").
fn plus_one(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix("+1")?;
    ends_apart(after).then_some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_tokens_become_spaces() {
        for (typed, read) in [
            ("<@123456789012345678> vllm 怎么部署", "  vllm 怎么部署"),
            ("<@!123456789012345678>  hi", "   hi"),
            ("<@&42> ping", "  ping"),
            (
                "<#987654321098765432> 有人知道 nccl 吗",
                "  有人知道 nccl 吗",
            ),
            (
                "<:pepe_cry:112233445566778899> zero3 跑不起来",
                "  zero3 跑不起来",
            ),
            ("<a:party:11> done", "  done"),
            (
                "meeting <t:1700000000:R> about lora",
                "meeting   about lora",
            ),
            ("<t:1700000000> x", "  x"),
            ("try </ask:123> lora", "try   lora"),
            ("try </ask topic:123> lora", "try   lora"),
        ] {
            assert_eq!(strip(typed), read, "{typed}");
        }
    }

    #[test]
    fn angle_brackets_that_are_no_token_stay() {
        for typed in [
            "a <b> c",
            "Vec<String> 怎么用",
            "x < 3 and y > 2",
            "<@> nothing",
        ] {
            assert_eq!(strip(typed), typed);
        }
    }

    #[test]
    fn shortcodes_become_their_emoji_or_a_space() {
        assert_eq!(
            strip("**LoRA** 有啥好教程 :pray:"),
            "**LoRA** 有啥好教程 🙏"
        );
        assert_eq!(strip(":wave: hi"), "👋 hi");
        assert_eq!(strip(":+1::+1:"), "👍👍");
        assert_eq!(strip(":THUMBSUP:"), "👍");
        assert_eq!(strip("量化 教程 :fire::fire:"), "量化 教程   ");
        assert_eq!(strip("谢谢:pray:"), "谢谢🙏");
    }

    #[test]
    fn colons_of_times_paths_and_labels_stay() {
        for typed in [
            "10:30:45 开会",
            "std::vector 和 vllm",
            "Q: lora 是什么",
            "re:vllm: how",
            "error:cuda:oom",
            "a :b c: d",
            "::",
        ] {
            assert_eq!(strip(typed), typed);
        }
    }

    #[test]
    fn handles_become_spaces_but_addresses_stay() {
        assert_eq!(strip("@some_user vllm 咋部署"), "  vllm 咋部署");
        assert_eq!(strip("@everyone 周五群聊活动"), "  周五群聊活动");
        assert_eq!(strip("问下 @张三 vllm 怎么部署"), "问下   vllm 怎么部署");
        assert_eq!(strip("thanks @bob."), "thanks  .");
        assert_eq!(strip("mail me@example.com"), "mail me@example.com");
        assert_eq!(strip("群里用的话要 @ganhuo 吗"), "群里用的话要 @ganhuo 吗");
        assert_eq!(strip("@other_bot 和这个比呢"), "@other_bot 和这个比呢");
        // A run of Chinese typed against the @ is the sentence, not a name.
        assert_eq!(strip("@大家好我想问一下量化"), "@大家好我想问一下量化");
    }

    #[test]
    fn plus_one_alone_becomes_a_space() {
        assert_eq!(strip("同问 +1"), "同问  ");
        assert_eq!(strip("+1 求 deepspeed 教程"), "  求 deepspeed 教程");
        for typed in ["c++11", "+10 points", "+1k", "1+1=2"] {
            assert_eq!(strip(typed), typed);
        }
    }

    #[test]
    fn forward_headings_are_left_out() {
        assert_eq!(
            strip("Forwarded from 炼丹群\n有没有 deepspeed 教程"),
            "有没有 deepspeed 教程"
        );
        assert_eq!(strip("[转发自 vLLM 交流群]\n量化 教程"), "量化 教程");
        // Typed on the heading's line after a colon, the forwarded text stays.
        assert_eq!(
            strip("Forwarded from my lead: shard the optimizer with ZeRO-3"),
            "shard the optimizer with ZeRO-3"
        );
        assert_eq!(strip("转自知乎：LoRA 原理详解"), "LoRA 原理详解");
        // Only a line that opens with one: a question about forwarding stays.
        assert_eq!(strip("怎么转发消息"), "怎么转发消息");
        assert_eq!(
            strip("can this be forwarded from a bot?"),
            "can this be forwarded from a bot?"
        );
    }

    #[test]
    fn a_message_opening_on_a_persons_mention_is_to_them() {
        assert!(to_someone_else(
            "<@998877665544332211> 你的 PR 我 review 了"
        ));
        assert!(to_someone_else("  <@!42> can you check"));
        assert!(to_someone_else("@alice can you check"));
        assert!(!to_someone_else("<@&42> everyone with the role"));
        assert!(!to_someone_else("@ganhuo_bot 怎么用"));
        assert!(!to_someone_else("can you check <@42>"));
    }

    #[test]
    fn a_search_command_asks_what_follows_it() {
        assert_eq!(strip("/ask@ganhuo_bot  LoRA 教程"), "LoRA 教程");
        assert_eq!(strip("/搜 剪枝 :pray:"), "剪枝 🙏");
        assert_eq!(strip("/topics 量化"), "/topics 量化");
        assert_eq!(strip("/play 晴天"), "/play 晴天");
    }

    #[test]
    fn another_bots_command_is_no_question() {
        let known = |name: &str| name == "lora";
        assert!(for_another_bot("/remind me in 30 minutes", known));
        assert!(for_another_bot("/点歌 稻香", known));
        assert!(!for_another_bot("/lora 教程", known));
        assert!(!for_another_bot("/search vllm", known));
        assert!(!for_another_bot("/help", known));
        assert!(!for_another_bot("/usr/bin/nvcc: not found", known));
        assert!(!for_another_bot("remind me about /play", known));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(strip("LoRA 教程"), Cow::Borrowed(_)));
        assert!(matches!(strip("10:30 开会"), Cow::Borrowed(_)));
    }
}
