//! Stage 0b: the marks of a list end an item; they say no number.
//!
//! People paste plans, syllabi and job descriptions: "我的学习计划：\n1. Transformer 原理\n2. LoRA
//! 微调\n3. vLLM 部署", "1) parallelism 2) KV cache 3) compilers", `- [ ] data parallel`, "① 数学
//! 基础 ② 机器学习", "量化 → 剪枝 → 蒸馏". Read as words, the numbering is content ("1", "2",
//! "3" find every title with a part 1, GPT-2 and Llama 3) and the items run together into one
//! concept, so the answer covers the item named most and leaves the others out. Here the marks
//! of a list with two or more of them become list punctuation, and its lines pieces of their
//! own, so that each item is a concept of the answer ([`super::concepts`]).

use std::borrow::Cow;

/// What a list's mark becomes: list punctuation, which parts pieces.
pub const ITEM: char = '、';

/// Bullets that open an item at the start of a line.
const BULLETS: &[char] = &['-', '*', '+', '•', '·', '●', '○', '▪', '◦', '‣', '–', '—'];
/// Checked boxes that open a done item at the start of a line (after a bullet, too).
const DONE: &[&str] = &["[x]", "[X]", "[✓]", "[✔]", "☑", "☒", "✅", "✔️", "✔", "✓"];
/// Empty boxes that open an item still to do.
const TO_DO: &[&str] = &["[ ]", "☐", "⬜", "□", "✘", "✗", "❌"];
/// Arrows between the steps of a sequence ("量化 → 剪枝 → 蒸馏").
const ARROWS: &[&str] = &["-->", "→", "->", "=>", "⇒", "➡️", "➡", "⟶"];
/// Chinese numerals an item's number or a label may be written in ("一、", "第三步").
const CHINESE_NUMERALS: &str = "一二三四五六七八九十";
/// What closes an item's number ("1.", "2)", "3、", "4:").
const NUMBER_CLOSERS: &[char] = &['.', ')', '、', '．', '）', ':', '：'];
/// Words a numbered label of a plan starts with ("week 2:", "Day 3", "step 1 -").
/// ("part 2" and "stage 3" are left out: resources have a part 2, ZeRO a stage 3.)
const LABELS: &[&str] = &["step", "week", "day", "phase", "module", "lesson", "w", "d"];
/// What a Chinese ordinal label counts ("第一步", "第2周", "第三阶段").
const CHINESE_LABELS: &[&str] = &[
    "步", "周", "天", "阶段", "階段", "部分", "章", "课", "課", "节", "節",
];
/// The weekdays as a plan lists them ("周一", "週三", "星期五").
const WEEKDAYS: &[&str] = &["周", "週", "星期", "礼拜", "禮拜"];

/// How a line's mark opens it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opens {
    /// An item, with a bullet, a number or a label.
    Item,
    /// An item checked as done.
    Done,
    /// An item with an empty box.
    ToDo,
    /// An item under a heading that says the asker already has it.
    Had,
}

/// The message with the marks of its list as [`ITEM`] and its lines parted by it, and whether
/// it is such a list: two marks or more. Anything else is borrowed as it was. In a checklist
/// with items still to do, the items checked as done are left out: `- [x] pytorch basics\n-
/// [ ] data parallel` asks for what is not done; so are the items under a heading that says
/// the asker has them, with a question after them.
pub fn mark(text: &str) -> (Cow<'_, str>, bool) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut opening: Vec<Option<(usize, Opens)>> =
        lines.iter().map(|l| line_mark(l.trim_start())).collect();
    had_items_are_left_out(&lines, &mut opening);
    only_the_item_pointed_at(&lines, &mut opening);
    let to_do = opening.iter().any(|o| matches!(o, Some((_, Opens::ToDo))));
    let mut out = String::with_capacity(text.len());
    let mut marks = 0;
    for (n, (line, opens)) in lines.iter().zip(&opening).enumerate() {
        if n > 0 {
            out.push(ITEM);
        }
        let body = line.trim_start();
        let Some((len, opens)) = *opens else {
            marks += inline_marks(body, &mut out, &mut None);
            continue;
        };
        marks += 1;
        out.push(ITEM);
        if !(opens == Opens::Had || to_do && opens == Opens::Done) {
            let mut next = number(&body[..len]).map(|n| n + 1);
            marks += inline_marks(&body[len..], &mut out, &mut next);
        }
    }
    if marks >= 2 {
        (Cow::Owned(out), true)
    } else if opening.iter().any(Option::is_some) {
        // One item is no list, but its number is still no content: "2. 那个分布式的部分".
        let unmarked: Vec<&str> = lines
            .iter()
            .zip(&opening)
            .map(|(line, opens)| match opens {
                Some((len, _)) => &line.trim_start()[*len..],
                None => line,
            })
            .collect();
        (Cow::Owned(unmarked.join("\n")), false)
    } else {
        (Cow::Borrowed(text), false)
    }
}

/// What a line heading the items someone has already read or learned says ("reading list
/// so far:", "already watched:", "已经看完：", "收藏了："). Not what someone owns ("I have: 2x
/// A100"): a machine listed is the setting of the question that follows.
const HAD: &[&str] = &[
    "already read",
    "already watched",
    "already done",
    "i've read",
    "i have read",
    "i've watched",
    "i have watched",
    "i've finished",
    "i have finished",
    "i've got",
    "i have got",
    "ive got",
    "so far",
    "done:",
    "finished:",
    "completed:",
    "covered:",
    "bookmarked",
    "已经看完",
    "看完了",
    "看过",
    "已看",
    "读过",
    "已读",
    "学完",
    "学过",
    "收藏了",
    "已收藏",
    "已经会",
    "搞定",
];

/// Marks as had the items under a heading that says the asker has them, when a question
/// follows the list: "read so far:\n- the HF course\n- karpathy's videos\nmissing anything for
/// pretraining?" asks for what is not on the list.
fn had_items_are_left_out(lines: &[&str], opening: &mut [Option<(usize, Opens)>]) {
    // The lines outside the list, with something on them: headings and questions.
    let unmarked = |i: usize| opening[i].is_none() && !lines[i].trim().is_empty();
    let Some(last_unmarked) = (0..lines.len()).rev().find(|&i| unmarked(i)) else {
        return;
    };
    // Whether the heading nearest above says the items under it are had, read once per
    // heading as the lines go by.
    let mut had = false;
    for i in 0..last_unmarked {
        match opening[i] {
            None if !lines[i].trim().is_empty() => {
                let heading = lines[i].to_lowercase();
                had = HAD.iter().any(|cue| heading.contains(cue));
            }
            Some((len, Opens::Item)) if had => opening[i] = Some((len, Opens::Had)),
            _ => {}
        }
    }
}

/// Leaves out every item but the one a line outside the list points at by its place ("where
/// do I start with #1?", "第三个有没有图解", "最后这个求资料", "the last one"): the question is
/// about that item alone.
fn only_the_item_pointed_at(lines: &[&str], opening: &mut [Option<(usize, Opens)>]) {
    let items: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(opening[i], Some((_, o)) if o != Opens::Had))
        .collect();
    if items.len() < 2 {
        return;
    }
    let pointed = (0..lines.len())
        .filter(|&i| opening[i].is_none())
        .find_map(|i| place_pointed_at(lines[i], items.len()));
    if let Some(place) = pointed {
        for (n, &i) in items.iter().enumerate() {
            if n != place {
                opening[i] = opening[i].map(|(len, _)| (len, Opens::Had));
            }
        }
    }
}

/// The place (from 0) of the item of `count` a line points at, if it points at one.
fn place_pointed_at(line: &str, count: usize) -> Option<usize> {
    const ENGLISH: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];
    let lower = line.to_lowercase();
    let numeral = |c: char| {
        // One to nine: a place is read from one character, and 十 may begin 十一.
        CHINESE_NUMERALS
            .chars()
            .take(9)
            .position(|n| n == c)
            .or_else(|| c.to_digit(10).and_then(|d| (d as usize).checked_sub(1)))
    };
    let mut place = None;
    if [
        "最后这个",
        "最后一个",
        "最后一条",
        "最后那个",
        "最后一项",
        "the last one",
        "the last item",
    ]
    .iter()
    .any(|p| lower.contains(p))
    {
        place = Some(count - 1);
    }
    for (at, _) in lower.match_indices('第') {
        let mut rest = lower[at + '第'.len_utf8()..].chars();
        if let (Some(n), Some(unit)) = (rest.next(), rest.next())
            && "个条项点步篇本".contains(unit)
        {
            place = place.or_else(|| numeral(n));
        }
    }
    for (at, _) in lower.match_indices('#') {
        place = place.or_else(|| lower[at + 1..].chars().next().and_then(numeral));
    }
    for (n, word) in ENGLISH.iter().enumerate() {
        if lower.contains(&format!("the {word} one")) || lower.contains(&format!("the {word} item"))
        {
            place = place.or(Some(n));
        }
    }
    place.filter(|&p| p < count)
}

/// The length in bytes of the mark opening a line, and what it opens, if it opens with one:
/// a bullet, a number closed as an item's is, a circled number or a numbered label, or a
/// checkbox, alone or after one of those (`- [ ] zero`, "Week 3 ⬜ backprop").
fn line_mark(line: &str) -> Option<(usize, Opens)> {
    let bullet = line
        .chars()
        .next()
        .filter(|c| BULLETS.contains(c))
        .map(char::len_utf8)
        .filter(|&len| line[len..].starts_with(|n: char| n.is_whitespace() || n == '['));
    let opener = bullet
        .or_else(|| numbered(line))
        .or_else(|| circled(line))
        .or_else(|| labelled(line))
        .unwrap_or(0);
    let after = line[opener..].trim_start();
    let at = line.len() - after.len();
    for (boxes, opens) in [(DONE, Opens::Done), (TO_DO, Opens::ToDo)] {
        if let Some(b) = boxes.iter().find(|b| after.starts_with(**b)) {
            return Some((at + b.len(), opens));
        }
    }
    (opener > 0).then_some((opener, Opens::Item))
}

/// The length of an item's number closed as an item's is ("1.", "2)", "(3)", "一、"), if the
/// text opens with one; "3.12" and "2.0" are versions, not items.
fn numbered(text: &str) -> Option<usize> {
    let (open, inner) = match text.strip_prefix(['(', '（']) {
        Some(inner) => (text.len() - inner.len(), inner),
        None => (0, text),
    };
    let numeral: Vec<char> = inner
        .chars()
        .take_while(|&c| is_digit(c) || CHINESE_NUMERALS.contains(c))
        .take(3)
        .collect();
    if numeral.is_empty() || numeral.len() > 2 {
        return None;
    }
    let digits: usize = numeral.iter().map(|c| c.len_utf8()).sum();
    let closer = inner[digits..].chars().next()?;
    let chinese = !inner[..digits].chars().any(is_digit);
    let closed = if open > 0 {
        closer == ')' || closer == '）'
    } else if chinese {
        closer == '、'
    } else {
        NUMBER_CLOSERS.contains(&closer)
    };
    let after = &inner[digits + closer.len_utf8()..];
    (closed && !after.starts_with(is_digit)).then(|| open + digits + closer.len_utf8())
}

/// The length of a letter in parentheses ("(a)", "（b）") the text opens with, if any: one of
/// the first few letters, as items are lettered.
fn lettered(text: &str) -> Option<usize> {
    let inner = text.strip_prefix(['(', '（'])?;
    let letter = inner
        .chars()
        .next()
        .filter(|c| matches!(c, 'a'..='f' | 'A'..='F'))?;
    let close = inner[1..]
        .chars()
        .next()
        .filter(|&c| c == ')' || c == '）')?;
    Some(text.len() - inner.len() + letter.len_utf8() + close.len_utf8())
}

/// The length of a circled number ("①", "❷", "➂") the text opens with, if any.
fn circled(text: &str) -> Option<usize> {
    let c = text.chars().next()?;
    let circled = ('\u{2460}'..='\u{2473}').contains(&c)
        || ('\u{2776}'..='\u{2793}').contains(&c)
        || ('\u{24f5}'..='\u{24fe}').contains(&c);
    circled.then_some(c.len_utf8())
}

/// The length of a numbered label a plan's line opens with ("Week 2:", "day 3 -", "W1",
/// "第一步：", "周三"), if any.
fn labelled(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    if lower.len() == line.len() {
        for label in LABELS {
            if let Some(rest) = lower.strip_prefix(label) {
                let spaced = rest.trim_start();
                // In bytes: a full-width digit ("week ２") is three.
                let digits: usize = spaced
                    .chars()
                    .take_while(|&c| is_digit(c))
                    .map(char::len_utf8)
                    .sum();
                let after = &spaced[digits..];
                if digits > 0 && (after.is_empty() || !after.starts_with(char::is_alphanumeric)) {
                    let end = line.len() - after.len();
                    return Some(end + closer_len(after));
                }
            }
        }
    }
    if let Some(rest) = line.strip_prefix('第') {
        let count = rest
            .chars()
            .take_while(|&c| is_digit(c) || CHINESE_NUMERALS.contains(c))
            .map(char::len_utf8)
            .sum::<usize>();
        if count > 0
            && let Some(label) = CHINESE_LABELS
                .iter()
                .find(|l| rest[count..].starts_with(**l))
        {
            let end = '第'.len_utf8() + count + label.len();
            return Some(end + closer_len(&line[end..]));
        }
    }
    for day in WEEKDAYS {
        if let Some(rest) = line.strip_prefix(day)
            && let Some(c) = rest.chars().next()
            && "一二三四五六日天".contains(c)
        {
            let end = day.len() + c.len_utf8();
            return Some(end + closer_len(&line[end..]));
        }
    }
    None
}

/// The length of the ":" or "-" that may follow a label, with the spaces before it.
fn closer_len(after: &str) -> usize {
    let trimmed = after.trim_start();
    match trimmed.chars().next() {
        Some(c @ (':' | '：' | '-' | '.' | '、' | '–')) => {
            after.len() - trimmed.len() + c.len_utf8()
        }
        _ => 0,
    }
}

/// Copies a line's text after its opening mark to `out` with the marks inside it ("1)
/// parallelism 2) KV cache", "① 数学 ② 机器学习", "量化 → 剪枝") as [`ITEM`]; returns how many.
fn inline_marks(text: &str, out: &mut String, next: &mut Option<u32>) -> usize {
    let mut marks = 0;
    let mut rest = text;
    let mut boundary = true;
    let mut spaced = false;
    while let Some(c) = rest.chars().next() {
        let len = if let Some(arrow) = ARROWS.iter().find(|a| rest.starts_with(**a)) {
            Some(arrow.len())
        } else if boundary {
            circled(rest).or_else(|| lettered(rest)).or_else(|| {
                numbered(rest)
                    .filter(|&len| inline_close(rest, len) || spaced && sequel(rest, len, *next))
            })
        } else {
            None
        };
        match len {
            Some(len) => {
                *next = next.map(|n| n + 1);
                out.push(ITEM);
                marks += 1;
                rest = &rest[len..];
                boundary = true;
                spaced = false;
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
                boundary = c.is_whitespace() || !c.is_alphanumeric();
                spaced = c.is_whitespace();
            }
        }
    }
    marks
}

/// The number of an item's mark written in digits ("1.", "(2)", "3:"), if it is one.
fn number(mark: &str) -> Option<u32> {
    let digits: String = mark.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether a number inside a line closed with "." or ":" goes on a list its line opened ("1.
/// Midjourney 提示词怎么写 2. SD 的 LoRA 去哪下"): the next number, between spaces. Anywhere else
/// "2." is a sentence's end after a number ("I have 2. Also…").
fn sequel(text: &str, len: usize, next: Option<u32>) -> bool {
    next.is_some_and(|n| number(&text[..len]) == Some(n))
        && text[len..].starts_with(char::is_whitespace)
}

/// Whether a number inside a line closes as an item's does there: with a parenthesis ("1)
/// parallelism", "(2) kv cache") or a 、, and no digit after it. "Python 3.12" or "at 8:30"
/// are left alone: "." and ":" close items only at the start of a line.
fn inline_close(text: &str, len: usize) -> bool {
    let closer = text[..len].chars().last();
    matches!(closer, Some(')' | '）' | '、')) && !text[len..].starts_with(is_digit)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Option<String> {
        match mark(text) {
            (marked, true) => Some(marked.into_owned()),
            (_, false) => None,
        }
    }

    #[test]
    fn numbered_lines_are_items() {
        assert_eq!(
            marked(
                "我的学习计划：\n1. Transformer 原理\n2. LoRA 微调\n3. vLLM 部署\n每一步给个资料"
            )
            .as_deref(),
            Some("我的学习计划：、、 Transformer 原理、、 LoRA 微调、、 vLLM 部署、每一步给个资料")
        );
        assert_eq!(
            marked("- [x] pytorch basics\n- [ ] data parallel\n- [ ] zero").as_deref(),
            Some("、、、 data parallel、、 zero")
        );
        // A box after a label or a number.
        assert_eq!(
            marked("Week 1 ✅ linear algebra\nWeek 2 ⬜ backprop\nWeek 3 ⬜ transformers")
                .as_deref(),
            Some("、、、 backprop、、 transformers")
        );
        // With nothing left to do, a checked box is a bullet.
        assert_eq!(
            marked("✅ LoRA\n✅ QLoRA\n都要资料").as_deref(),
            Some("、 LoRA、、 QLoRA、都要资料")
        );
        assert_eq!(
            marked("week 1: attention\nWeek 2: ???").as_deref(),
            Some("、 attention、、 ???")
        );
        assert_eq!(
            marked("第一步：数学\n第二步：机器学习").as_deref(),
            Some("、数学、、机器学习")
        );
    }

    #[test]
    fn what_the_asker_has_is_left_out_when_a_question_follows() {
        assert_eq!(
            marked(
                "read so far:\n- the HF course\n- karpathy's videos\nmissing anything for pretraining?"
            )
            .as_deref(),
            Some("read so far:、、、、、missing anything for pretraining?")
        );
        assert_eq!(
            marked("已经看完：\n1. 动手学深度学习\n2. 吴恩达机器学习\n下一步看什么").as_deref(),
            Some("已经看完：、、、、、下一步看什么")
        );
        assert_eq!(
            marked(
                "I've got:\n- the BERT visual guide\n- Jay's transformer post\nwhat next for GPT?"
            )
            .as_deref(),
            Some("I've got:、、、、、what next for GPT?")
        );
        // No question after them: the list is what is asked about.
        assert_eq!(
            marked("看过：\n- LoRA\n- QLoRA").as_deref(),
            Some("看过：、、 LoRA、、 QLoRA")
        );
        // What someone owns is the setting of the question.
        assert_eq!(
            marked("我有：\n- 4090\n- 64G 内存\n能微调 7B 吗").as_deref(),
            Some("我有：、、 4090、、 64G 内存、能微调 7B 吗")
        );
        // A heading that wants them.
        assert_eq!(
            marked("想学：\n1. LoRA\n2. QLoRA\n求资料").as_deref(),
            Some("想学：、、 LoRA、、 QLoRA、求资料")
        );
    }

    #[test]
    fn an_item_pointed_at_by_its_place_is_asked_alone() {
        assert_eq!(
            marked("checklist:\n1. run a 7B model locally\n2. make it smaller\nwhere do I start with #1?")
                .as_deref(),
            Some("checklist:、、 run a 7B model locally、、、where do I start with #1?")
        );
        assert_eq!(
            marked("TODO：\n□ Python\n□ PyTorch\n□ Transformer\n第三个有没有图解").as_deref(),
            Some("TODO：、、、、、、 Transformer、第三个有没有图解")
        );
        assert_eq!(
            marked("✔ GPTQ\n✔ AWQ\n✘ bitsandbytes\n最后这个求资料").as_deref(),
            Some("、、、、、 bitsandbytes、最后这个求资料")
        );
        // A place past the list points at nothing in it.
        assert_eq!(
            marked("1. LoRA\n2. QLoRA\n第五个呢").as_deref(),
            Some("、 LoRA、、 QLoRA、第五个呢")
        );
    }

    #[test]
    fn numbered_items_inside_a_line_are_items() {
        assert_eq!(
            marked("1) parallelism 2) KV cache 3) compilers").as_deref(),
            Some("、 parallelism 、 KV cache 、 compilers")
        );
        assert_eq!(
            marked("① 数学基础 ② 机器学习").as_deref(),
            Some("、 数学基础 、 机器学习")
        );
        assert_eq!(
            marked("量化 → 剪枝 → 蒸馏").as_deref(),
            Some("量化 、 剪枝 、 蒸馏")
        );
        assert_eq!(
            marked("mixing up (a) distillation and (b) pruning").as_deref(),
            Some("mixing up 、 distillation and 、 pruning")
        );
        // One letter in parentheses is no list.
        assert_eq!(marked("plan (a) is lora"), None);
        // A line opened by "1." goes on with "2." and "3.", and nothing else.
        assert_eq!(
            marked("1. Midjourney 提示词 2. SD 的 LoRA 3. 4090").as_deref(),
            Some("、 Midjourney 提示词 、 SD 的 LoRA 、 4090")
        );
        assert_eq!(marked("1. lora for 2.5 epochs").as_deref(), None);
        assert_eq!(marked("vllm 0.4 2. also lora").as_deref(), None);
    }

    #[test]
    fn full_width_digits_are_digits() {
        assert_eq!(
            marked("week ２: attention\nweek ３: serving").as_deref(),
            Some("、 attention、、 serving")
        );
        assert_eq!(mark("week ２: attention").0, " attention");
    }

    #[test]
    fn versions_times_and_single_marks_are_no_list() {
        assert_eq!(marked("Windows 上装 Python 3.12 还是 3.11 比较好"), None);
        assert_eq!(marked("2.0 版本的 vllm 有什么变化"), None);
        assert_eq!(marked("meet at 8:30, then 9:45"), None);
        assert_eq!(marked("1. what is lora"), None);
        assert_eq!(mark("1. what is lora").0, " what is lora");
        assert_eq!(mark("zero stage 3 vs part 2").0, "zero stage 3 vs part 2");
        assert_eq!(marked("fp16 -> bf16"), None);
        assert_eq!(marked("llama2 (7b) vs llama3 (8b)"), None);
        assert_eq!(marked("-1 is the default rank, -2 means none"), None);
    }
}
