//! Stage 3, beside expansion: words that say who is asking, not what about.
//!
//! People introduce themselves before they ask: "我是做后端的 Java 程序员，想转推理部署",
//! "I'm a web dev, how do I start building with LLMs". The introduction names things — 后端,
//! web — that the catalogue also has (a web framework serves models), and weighed as part of
//! the question they pull the answer toward the asker's past instead of where they want to
//! go. A self-introduction is recognised by its shape: a subject that says who ("我是",
//! "本人", "I'm a", "as a") followed within a few words by what a person is (程序员, 学生,
//! "developer"; or 做/搞/学 … 的, "one who does …"). Its content words become background:
//! shown, but neither evidence nor unexplained. When the introduction is all the message
//! names ("I'm an RLHF researcher"), it is what the message is about, and stays content.
//!
//! A letter's courtesies say who writes to whom as well: "Dear Sir or Madam, I hope this
//! message finds you well … Yours faithfully, Klaus" is how people taught formal English
//! write to a bot. The salutation, the set phrases and the closing with its signature are
//! background in the same way.
//!
//! A story told before the question is the asker's too, when the message says where the
//! question begins: "刚写完周报摸鱼刷微博，顺便问一嘴，有没有讲 Flash Attention 的", "Context: PhD
//! student, lab has 4 A100s … Anyway, actual question: is there a one-stop toolkit …".
//!
//! So are the words that say which article is asked about: the catalogue's source is named by
//! its title ("那篇大模型从理论到落地的文章，数学部分推荐了啥"), and its 大模型, 理论 and 落地 say
//! which list the question is about, not what in it.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::expand::{self, QueryWord};
use super::lexicon::Role;

/// Openings that say "I am" in Chinese, longest first where one extends another.
const CJK_SUBJECTS: &[&str] = &[
    "我们团队是",
    "我们公司是",
    "我们这边是",
    "我们组是",
    "我这边是",
    "我之前是",
    "我以前是",
    "我原来是",
    "我本来是",
    "我目前是",
    "我现在是",
    "我本身是",
    "我自己是",
    "我们是",
    "本人是",
    // Who one is not says who one is as well ("我不是程序员，这个 bot 能帮我做什么").
    "我不是",
    "我是",
    "本人",
    "我一个",
];

/// What a person is, in Chinese: jobs, studies, teams.
const CJK_ROLES: &[&str] = &[
    "产品经理",
    "程序员",
    "工程师",
    "设计师",
    "分析师",
    "架构师",
    "实习生",
    "研究生",
    "本科生",
    "博士生",
    "大学生",
    "研究员",
    "从业者",
    "开发者",
    "开发",
    "研发",
    "码农",
    "运维",
    "前端",
    "后端",
    "全栈",
    "学生",
    "硕士",
    "博士",
    "老师",
    "教师",
    "助教",
    "讲师",
    "团队",
    "公司",
    "小组",
];

/// Measure words that may come before what a person is ("我是一名…", "本人一枚…").
const CJK_MEASURES: &[&str] = &["一名", "一个", "一位", "一枚", "一只", "个", "名"];

/// Measure words after what a person is, said of oneself ("PM 一枚", "程序员一名").
const CJK_COUNTED: &[&str] = &["一枚", "一名", "一只"];

/// Verbs of an occupation: "做后端的", "搞推理的", "学 CS 的" — one who does it.
const CJK_OCCUPIED: &[char] = &['做', '搞', '干', '学', '读', '念', '写'];

/// The last character of a unit of an organisation before 的: "我们是城商行科技部的", "我是医院
/// 信息科的", "我是计算机系的" — one who works or studies there.
const CJK_UNITS: &[char] = &[
    '部', '院', '所', '局', '处', '科', '厂', '行', '校', '系', '组', '室', '司', '队', '办',
];

/// Words that turn from the introduction to the question; an introduction never runs past
/// one ("我是学生想学 LoRA" introduces a student, not a LoRA student).
const CJK_TURNS: &[&str] = &[
    "想",
    "要",
    "打算",
    "准备",
    "最近",
    "现在",
    "目前",
    "但",
    "不过",
    "可是",
    "请问",
    "怎么",
    "如何",
    "有没有",
    "有什么",
    "求",
    "问",
    "说",
    "用",
    "在",
    "需要",
    "希望",
    "对",
    "刚",
];

/// Whether a turn of [`CJK_TURNS`] opens `here`.
fn turns_at(here: &str) -> bool {
    CJK_TURNS.iter().any(|t| here.starts_with(t)) && !just_became(here)
}

/// Whether `here` opens "刚" and a short verb before 的: "刚入行的后端", "刚毕业的学生", "我是刚
/// 转行的后端" say how new the person is, and turn to no question ("刚用 vllm 跑起来" does).
fn just_became(here: &str) -> bool {
    here.strip_prefix('刚').is_some_and(|rest| {
        rest.chars()
            .take(JUST_REACH + 1)
            .position(|c| c == '的')
            .is_some_and(|p| p > 0)
    })
}

/// The most characters of the verb between 刚 and 的 ("入行", "转行", "毕业", "进组").
const JUST_REACH: usize = 3;

/// How far an introduction reaches after its subject, in characters.
const CJK_REACH: usize = 16;

/// Latin openings that say "I am a", as normalised words ("I'm" is "i m"), or the same of the
/// person the asker asks for ("she's a PhD student"; and see [`LATIN_PEOPLE`]): who they are
/// is background as much as the asker's own.
const LATIN_SUBJECTS: &[&[&str]] = &[
    &["i", "m"],
    &["i", "am"],
    &["im"],
    &["we", "re"],
    &["we", "are"],
    &["i", "work", "as"],
    &["she", "s"],
    &["she", "is"],
    &["he", "s"],
    &["he", "is"],
];

/// The people an asker asks for, who open an introduction followed by "is" ("our new intern
/// is a", "my gf is a").
const LATIN_PEOPLE: &[&str] = &[
    "intern",
    "hire",
    "colleague",
    "teammate",
    "mentee",
    "friend",
    "gf",
    "girlfriend",
    "bf",
    "boyfriend",
    "wife",
    "husband",
    "son",
    "daughter",
    "sister",
    "brother",
];

/// Words that may stand between the subject and its article: "I'm just a", "I'm currently a".
const LATIN_HEDGES: &[&str] = &[
    "just",
    "currently",
    "basically",
    "only",
    "also",
    "mostly",
    "actually",
    "now",
    "still",
];

/// What a person is, in English.
const LATIN_ROLES: &[&str] = &[
    "dev",
    "devs",
    "developer",
    "developers",
    "engineer",
    "engineers",
    "programmer",
    "programmers",
    "coder",
    "student",
    "students",
    "undergrad",
    "researcher",
    "researchers",
    "scientist",
    "analyst",
    "manager",
    "pm",
    "designer",
    "teacher",
    "professor",
    "phd",
    "sysadmin",
    "architect",
    "intern",
    "founder",
    "consultant",
    "sre",
    "team",
    "startup",
    "company",
    "grad",
    "postdoc",
    "lecturer",
    "seeker",
    "seekers",
    "switcher",
    "freelancer",
    "hobbyist",
    // People from outside tech learning the field ("I'm a pharmacist lol"). Not the roles a
    // career change names (accountant, nurse): the basics' paraphrases read those.
    "pharmacist",
    "paralegal",
    // A student by their subject ("a physics major").
    "major",
    "majors",
];

/// How many words an introduction by "here" reaches back ("grad student here", "career
/// switcher here") and forward to a role in apposition ("here (data analyst)").
const HERE_REACH: usize = 3;

/// Words that turn from the introduction to the question.
const LATIN_TURNS: &[&str] = &[
    "and",
    "but",
    "so",
    "how",
    "what",
    "where",
    "which",
    "who",
    "that",
    "want",
    "wanting",
    "trying",
    "looking",
    "need",
    "with",
    "working",
    "learning",
    "doing",
    "interested",
    "planning",
    "using",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
];

/// How many words an introduction reaches after its article.
const LATIN_REACH: usize = 4;

/// Splits normalised text into segments, in order, each marked true when it is a
/// self-introduction (or another part of the message that says who asks, or why). Text
/// without one is a single unmarked segment.
pub fn segments(text: &str) -> Vec<(&str, bool)> {
    let mut spans = cjk_spans(text);
    spans.extend(latin_spans(text));
    spans.extend(cjk_reader_spans(text));
    spans.extend(cjk_origin_spans(text));
    spans.extend(title_spans(text));
    spans.extend(preamble_span(text));
    // Of two starting together the longer: a story told before the question takes in the
    // introduction it opens with.
    spans.sort_unstable_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in spans {
        if start < at {
            continue;
        }
        if start > at {
            out.push((text[at..start].trim(), false));
        }
        out.push((text[start..end].trim(), true));
        at = end;
    }
    if at < text.len() {
        out.push((text[at..].trim(), false));
    }
    out.retain(|(s, _)| !s.is_empty());
    if out.is_empty() {
        out.push((text, false));
    }
    out
}

/// Who a student is by year ("大一新生", "高中生"), said alone before the question. Not among
/// [`CJK_ROLES`]: after "我是" they would make "大家好，我是研一新生，方向是模型压缩，以后请多
/// 指教" an introduction beside a topic instead of the greeting it is.
const CJK_STUDENT_YEARS: &[&str] = &["新生", "高中生", "初中生", "中学生"];

/// Whether a message's first part, cut off by a comma, is nothing but who is asking:
/// "本科生，计划这学期…", "大一新生，暑假想…", "做后端开发的，想转…", "backend dev, what
/// should I …". No subject says "I am" there; the part ending on what a person is, with no
/// turn to a question inside it, does. Only the first of several parts: later ones ("vllm,
/// tgi 这些推理后端") name what is asked about.
pub fn introduces_alone(part: &str) -> bool {
    // Without a subject to open it, only a short part is taken for a person: a longer one
    // ending on 老师 ("让一个大模型当老师") says something about the topic.
    const ALONE_REACH: usize = 8;
    let part = part.trim();
    if part.is_empty() {
        return false;
    }
    if part.chars().any(super::normalise::is_cjk) {
        let chars = part.chars().filter(|c| *c != ' ').count();
        // Years at a job say who asks however long the job's name: "干了二十年 HPC 运维".
        let experienced = years_at_a_job(part) && chars <= CJK_REACH;
        if chars > ALONE_REACH && !experienced {
            return false;
        }
        let turns = part.char_indices().any(|(i, _)| turns_at(&part[i..]));
        // Who comes first and the measure after it in the internet's way: "PM 一枚", "后端一枚".
        let who = CJK_COUNTED
            .iter()
            .find_map(|m| part.strip_suffix(m))
            .map_or(part, str::trim_end);
        let role = CJK_ROLES
            .iter()
            .chain(CJK_STUDENT_YEARS)
            .any(|r| who.ends_with(r))
            || (who.len() < part.len()
                && who
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| LATIN_ROLES.contains(&w)));
        let occupied = part.ends_with('的')
            && part
                .chars()
                .next()
                .is_some_and(|c| CJK_OCCUPIED.contains(&c))
            && chars >= 3;
        return !turns && (role || occupied || experienced);
    }
    let words: Vec<&str> = part.split(' ').collect();
    words.len() <= LATIN_REACH
        && words.last().is_some_and(|w| LATIN_ROLES.contains(w))
        && !words.iter().any(|w| LATIN_TURNS.contains(w))
}

/// Numerals of a count of years or months ("二十年", "两年半", "几个月"); digits count too.
const CJK_NUMERALS: &[char] = &[
    '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '几', '多', '半',
];

/// Whether a part opens with time spent at an occupation: a verb of [`CJK_OCCUPIED`], 了, a
/// count and 年 or 个月 ("干了二十年", "做了 3 年", "写了几个月"). What follows is the job.
fn years_at_a_job(part: &str) -> bool {
    let mut chars = part.chars().filter(|c| *c != ' ').peekable();
    let opens =
        chars.next().is_some_and(|c| CJK_OCCUPIED.contains(&c)) && chars.next() == Some('了');
    let mut counted = false;
    while chars
        .peek()
        .is_some_and(|c| c.is_ascii_digit() || CJK_NUMERALS.contains(c))
    {
        chars.next();
        counted = true;
    }
    let rest: String = chars.take(2).collect();
    opens && counted && (rest.starts_with('年') || rest == "个月")
}

/// Words that open what someone introduced by their role mostly works with: "data engineer,
/// mostly SQL and dbt", "backend dev, mainly go".
const STACK_OPENINGS: &[&str] = &["mostly", "mainly", "primarily"];

/// The most words a stack after [`STACK_OPENINGS`] takes: a list of tools, not a sentence.
const STACK_REACH: usize = 5;

/// Whether a part that follows an introduction alone ([`introduces_alone`]) says what the
/// asker mostly works with, which is where they come from rather than what they ask about:
/// "mostly sql and dbt", "mainly go and postgres". A part that turns to a wish or a question
/// ("mostly curious how vllm works") is asked.
pub fn names_a_stack(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let [opening, stack @ ..] = words.as_slice() else {
        return false;
    };
    let allowed = |w: &&str| {
        matches!(
            *w,
            "and" | "with" | "using" | "doing" | "writing" | "working"
        ) || !LATIN_TURNS.contains(w) && !WISHES.contains(w)
    };
    STACK_OPENINGS.contains(opening)
        && (1..=STACK_REACH).contains(&stack.len())
        && stack.iter().all(allowed)
}

/// Words that turn a part into what the asker wants, not what they work with.
const WISHES: &[&str] = &[
    "curious",
    "interested",
    "about",
    "asking",
    "wondering",
    "learn",
];

/// Makes the content words of self-introductions background, unless nothing else in the
/// message is content. `aside` marks each word that came from an introduction. True when
/// some word was set aside.
pub fn set_aside(words: &mut [QueryWord], aside: &[bool]) -> bool {
    expand::recast_unless_alone(words, aside, Role::Background)
}

/// Byte ranges of Chinese self-introductions: a subject, then within [`CJK_REACH`] characters
/// and before any turn, the last job or "做 … 的".
fn cjk_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some((start, after)) = next_cjk_subject(text, from) {
        from = after;
        let rest = &text[after..];
        // "是不是", "是否": a question about oneself, not an introduction.
        if rest.starts_with('不') || rest.starts_with('否') {
            continue;
        }
        let mut end = None;
        let mut occupied = false;
        // "我是一名做后端的": the measure word before what a person is.
        let mut i = CJK_MEASURES
            .iter()
            .find(|m| rest.starts_with(**m))
            .map_or(0, |m| m.len());
        let mut chars = 0;
        while i < rest.len() && chars < CJK_REACH {
            let here = &rest[i..];
            if turns_at(here) {
                break;
            }
            if let Some(role) = CJK_ROLES.iter().find(|r| here.starts_with(**r)) {
                i += role.len();
                chars += role.chars().count();
                end = Some(after + i);
                continue;
            }
            let Some(c) = here.chars().next() else { break };
            let unit = rest[..i]
                .chars()
                .next_back()
                .is_some_and(|u| CJK_UNITS.contains(&u));
            if CJK_OCCUPIED.contains(&c) && chars == 0 {
                occupied = true;
            } else if c == '的' && (occupied || (unit && chars > 1)) {
                end = Some(after + i + c.len_utf8());
            }
            i += c.len_utf8();
            chars += 1;
        }
        if let Some(end) = end {
            spans.push((start, end));
            from = end;
        }
    }
    spans
}

/// The next Chinese subject at or after byte `from`: its start and the byte after it.
fn next_cjk_subject(text: &str, from: usize) -> Option<(usize, usize)> {
    // The earliest subject, the longest where several start there ("本人是" over "本人"): one
    // pass over the text, where a search per subject was most of this stage's time.
    // Built from a fixed list, the automaton cannot fail to build; were it to, messages would
    // only lose their introductions, which the unit tests below would catch.
    static SUBJECTS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(CJK_SUBJECTS)
            .ok()
    });
    let found = SUBJECTS.as_ref()?.find(&text[from..])?;
    Some((from + found.start(), from + found.end()))
}

/// Byte ranges of English self-introductions: "I'm a", "as a" and so on,
/// then within [`LATIN_REACH`] words and before any turn, the last word for what a person is.
fn latin_spans(text: &str) -> Vec<(usize, usize)> {
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(after) = latin_subject(&words, i) else {
            i += 1;
            continue;
        };
        let mut j = after;
        while j < words.len() && LATIN_HEDGES.contains(&words[j].1) {
            j += 1;
        }
        if !matches!(words.get(j).map(|w| w.1), Some("a" | "an")) {
            i += 1;
            continue;
        }
        // Within the text, "as a developer tool" is what a thing is used as: the role must
        // end the introduction there, at a turn or at the end of the piece.
        let ends = |k: usize| words.get(k + 1).is_none_or(|w| LATIN_TURNS.contains(&w.1));
        match last_role(&words, j + 1, LATIN_REACH)
            .filter(|&k| i == 0 || words[i].1 != "as" || ends(k))
        {
            Some(k) => {
                spans.push((words[i].0, words[k].0 + words[k].1.len()));
                i = k + 1;
            }
            None => i += 1,
        }
    }
    spans.extend(here_spans(&words));
    spans.extend(department_spans(&words));
    spans.extend(degree_span(&words));
    spans.extend(letter_spans(&words));
    spans.extend(field_spans(&words));
    spans.extend(level_spans(&words));
    spans.extend(known_spans(&words));
    spans
}

/// The parts of a company or the trades people work in: "I'm in marketing", "I work in
/// sales".
const DEPARTMENTS: &[&str] = &[
    "marketing",
    "sales",
    "finance",
    "hr",
    "legal",
    "accounting",
    "consulting",
    "journalism",
    "healthcare",
    "banking",
    "insurance",
    "retail",
    "procurement",
    "recruiting",
    "compliance",
];

/// Byte ranges of "I'm in marketing", "I work in sales": a subject, "in" and a department.
/// The subject reaches no further: "I'm in the middle of a deadline" says nothing of a job.
fn department_spans(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for i in 0..words.len() {
        let after = if says_at(words, i, &["i", "work"]) {
            Some(i + 2)
        } else {
            latin_subject(words, i).filter(|_| words[i].1 != "as")
        };
        let Some(mut j) = after else { continue };
        while j < words.len() && LATIN_HEDGES.contains(&words[j].1) {
            j += 1;
        }
        if words.get(j).is_some_and(|w| w.1 == "in")
            && let Some(&(at, department)) = words.get(j + 1)
            && DEPARTMENTS.contains(&department)
        {
            spans.push((words[i].0, at + department.len()));
        }
    }
    spans
}

/// Verbs before "a … background" that make it the asker's: "coming from a CV background",
/// "I have a physics background", "with a web dev background".
const BACKGROUND_VERBS: &[&str] = &["from", "with", "have", "got", "had"];

/// Byte ranges of "from a … background": the field the asker comes from, up to two words.
fn field_spans(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for b in 2..words.len() {
        if words[b].1 != "background" {
            continue;
        }
        let opening = (b.saturating_sub(4)..b - 1).rev().find(|&a| {
            matches!(words[a].1, "a" | "an") && a > 0 && BACKGROUND_VERBS.contains(&words[a - 1].1)
        });
        if let Some(a) = opening {
            // "coming from a …", "I come from a …".
            let verb = a - 1;
            let start = if verb > 0 && matches!(words[verb - 1].1, "coming" | "come" | "comes") {
                verb - 1
            } else {
                verb
            };
            spans.push((words[start].0, words[b].0 + words[b].1.len()));
        }
    }
    spans
}

/// Words that say how much of something the asker has: "zero background", "no prior
/// experience", "basic knowledge". They are English's 零基础.
const LEVELS: &[&str] = &[
    "zero", "no", "little", "limited", "minimal", "basic", "some", "0",
];
/// What the asker has that much of.
const GROUNDINGS: &[&str] = &[
    "background",
    "experience",
    "knowledge",
    "foundation",
    "foundations",
];
/// Words after a grounding that make it a thing rather than the asker's: "zero knowledge
/// proofs", "no background removal".
const GROUNDING_THINGS: &[&str] = &[
    "proof",
    "proofs",
    "removal",
    "remover",
    "remove",
    "noise",
    "image",
    "images",
    "color",
    "colour",
    "check",
    "checks",
    "job",
    "jobs",
    "process",
    "processes",
    "task",
    "tasks",
    "graph",
    "graphs",
    "base",
    "bases",
];
/// How many words may stand between a level and its grounding ("no prior ml experience").
const LEVEL_REACH: usize = 2;
/// The words that may: what kind of grounding it is. Others make the level something else's
/// ("zero redundancy optimizer background").
const GROUNDING_KINDS: &[&str] = &[
    "prior",
    "previous",
    "real",
    "formal",
    "any",
    "much",
    "practical",
    "relevant",
    "professional",
    "industry",
    "work",
    "technical",
    "tech",
    "ml",
    "ai",
    "dl",
    "cs",
    "coding",
    "programming",
    "math",
    "maths",
    "stats",
    "python",
    "machine",
    "learning",
    "deep",
    "computer",
    "science",
];

/// Byte ranges of how much the asker already knows: a level, then within [`LEVEL_REACH`]
/// words what they know it of ("zero ml background"). Said of the asker, it names no topic:
/// "llms, zero background" asks about LLMs, and "zero" there is no ZeRO.
fn level_spans(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let grounding = LEVELS
            .contains(&words[i].1)
            .then(|| {
                (i + 1..words.len().min(i + 2 + LEVEL_REACH))
                    .take_while(|&g| {
                        GROUNDINGS.contains(&words[g].1) || GROUNDING_KINDS.contains(&words[g].1)
                    })
                    .find(|&g| GROUNDINGS.contains(&words[g].1))
            })
            .flatten()
            .filter(|&g| {
                words
                    .get(g + 1)
                    .is_none_or(|w| !GROUNDING_THINGS.contains(&w.1))
            });
        match grounding {
            Some(g) => {
                spans.push((words[i].0, words[g].0 + words[g].1.len()));
                i = g + 1;
            }
            None => i += 1,
        }
    }
    spans
}

/// Words after "I know" that say it is only a little: "i know some python", "I know a bit of
/// pytorch", "i only know basic sql".
const LITTLE: &[&[&str]] = &[
    &["some"],
    &["basic"],
    &["a", "bit", "of"],
    &["a", "little"],
    &["a", "little", "bit", "of"],
];

/// Byte ranges of what the asker says they know a little of: "i know some python and thats
/// about it" says where they start, not what they ask about (Python web frameworks). One word
/// is known; what follows is the question's.
fn known_spans(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for k in 1..words.len() {
        if words[k].1 != "know" || !matches!(words[k - 1].1, "i" | "only") {
            continue;
        }
        let start = if words[k - 1].1 == "only" && k >= 2 && words[k - 2].1 == "i" {
            k - 2
        } else {
            k - 1
        };
        let little = LITTLE
            .iter()
            .filter(|l| says_at(words, k + 1, l))
            .map(|l| l.len())
            .max();
        if let Some(known) = little.and_then(|n| words.get(k + 1 + n)) {
            let word = known.1.trim_end_matches(|c: char| !c.is_alphanumeric());
            spans.push((words[start].0, known.0 + word.len()));
        }
    }
    spans
}

/// Each place `marker` stands in `text`: where it starts, the byte after it, and the byte
/// `reach` characters further on (or the text's end).
fn marked(text: &str, marker: char, reach: usize) -> impl Iterator<Item = (usize, usize, usize)> {
    text.match_indices(marker).map(move |(start, _)| {
        let after = start + marker.len_utf8();
        let reach_end = text[after..]
            .char_indices()
            .nth(reach)
            .map_or(text.len(), |(i, _)| after + i);
        (start, after, reach_end)
    })
}

/// Where a Chinese asker comes from ends so: "从 Java 后端转过来的", "从运维转行过来的".
const CJK_ORIGIN_ENDS: &[&str] = &["转行过来的", "转过来的", "转来的", "转行的"];

/// Byte ranges of "从 <where> 转过来的": 从, then within [`CJK_REACH`] characters and before
/// any turn, an ending of [`CJK_ORIGIN_ENDS`]. Who the asker was, as 我是做后端的 says.
fn cjk_origin_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (start, after, reach_end) in marked(text, '从', CJK_REACH) {
        let window = &text[after..reach_end];
        let turn = window
            .char_indices()
            .find(|&(i, _)| turns_at(&window[i..]))
            .map_or(window.len(), |(i, _)| i);
        let end = CJK_ORIGIN_ENDS
            .iter()
            .filter_map(|e| window[..turn].find(e).map(|i| i + e.len()))
            .min();
        if let Some(end) = end {
            spans.push((start, after + end));
        }
    }
    spans
}

/// Words that say the question begins here, after a story: everything before them is the
/// asker's. Chinese ones are matched inside the text, Latin ones as whole words.
const QUESTION_BEGINS: &[&str] = &[
    "顺便问一嘴",
    "顺便问一下",
    "顺便问下",
    "顺便问问",
    "顺便请教",
    "言归正传",
    "说正事",
    "actual question",
    "real question",
    "my question is",
    "tl dr",
    "tldr",
];

/// Whether the text says where the question begins (`QUESTION_BEGINS`): what comes before
/// is the asker's story.
pub fn begins_question(text: &str) -> bool {
    preamble_span(text).is_some()
}

/// Where `phrases` occur in `text`, overlapping, the Latin ones only as whole words (no letter
/// or digit runs on into them): one pass for a whole list of phrases.
pub fn phrases_in<'a>(
    phrases: &'a AhoCorasick,
    text: &'a str,
) -> impl Iterator<Item = Range<usize>> + 'a {
    phrases
        .find_overlapping_iter(text)
        .map(|m| m.range())
        .filter(|r| !text[r.clone()].is_ascii() || whole_word(text, r.start, r.len()))
}

/// True when `text[at..at + len]` is whole Latin words: no letter or digit runs on into it on
/// either side ("tldr", not the "tldr" of "tldrs").
fn whole_word(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    before.is_none_or(|c| !c.is_ascii_alphanumeric())
        && after.is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The byte range of the story before the last of [`QUESTION_BEGINS`], the words included.
fn preamble_span(text: &str) -> Option<(usize, usize)> {
    // One pass for all the phrases: a search per phrase cost eight thousand instructions a
    // call (callgrind), most of what this rule added to a message.
    static BEGINS: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(QUESTION_BEGINS).ok());
    phrases_in(BEGINS.as_ref()?, text)
        .map(|r| r.end)
        .max()
        .map(|end| (0, end))
}

/// How people name the article the catalogue comes from, "一文详细梳理!大模型从理论到实战落地必备
/// 干货!", by the parts of its title they remember.
const TITLE_PARTS: &[&str] = &[
    "大模型从理论到实战",
    "从理论到实战落地",
    "理论到实战落地",
    "从理论到落地",
    "一文详细梳理",
];

/// What the title's parts may follow directly, as the title does.
const TITLE_OPENING: &str = "大模型";

/// Byte ranges of the source article's title: its parts ([`TITLE_PARTS`]) where they stand,
/// with the 大模型 before one, and parts that overlap ("大模型从理论到实战落地") as one range.
fn title_spans(text: &str) -> Vec<(usize, usize)> {
    static PARTS: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(TITLE_PARTS).ok());
    let Some(parts) = PARTS.as_ref() else {
        return Vec::new();
    };
    let mut found: Vec<(usize, usize)> = parts
        .find_overlapping_iter(text)
        .map(|m| {
            let start = if text[..m.start()].ends_with(TITLE_OPENING) {
                m.start() - TITLE_OPENING.len()
            } else {
                m.start()
            };
            (start, m.end())
        })
        .collect();
    found.sort_unstable();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (start, end) in found {
        match spans.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => spans.push((start, end)),
        }
    }
    spans
}

/// People an answer is wanted for, in Chinese ("给运维同事看的", "给领导看").
#[rustfmt::skip]
const CJK_READERS: &[&str] = &[
    "同事", "老板", "领导", "新人", "学生", "本科生", "研究生", "运维", "产品", "团队", "组里", "实习生",
    "同学", "朋友", "客户", "老师", "小白", "家人", "爸妈", "孩子", "老婆", "老公",
];

/// What the reader does with the answer, ending the phrase.
const CJK_READING: &[&str] = &["看的", "看", "讲的", "讲", "用的", "科普"];

/// Most characters between 给 and the reader ("给我们组新人看"): further off, the words
/// between say who more closely ("给幼儿园大班的孩子讲"), and may be what is asked about.
const CJK_READER_REACH: usize = 4;

/// Byte ranges of "给 <reader> 看的": 给, a reader within [`CJK_READER_REACH`] characters,
/// and what they do with it.
fn cjk_reader_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (start, after, reach_end) in marked(text, '给', CJK_READER_REACH) {
        let Some(reader_end) = CJK_READERS
            .iter()
            .filter_map(|r| {
                text[after..]
                    .find(r)
                    .filter(|&i| after + i < reach_end)
                    .map(|i| i + r.len())
            })
            // The last of the readers named together ("运维同事").
            .max()
        else {
            continue;
        };
        // What the reader does follows within three characters ("给同事们看").
        let tail = &text[after + reader_end..];
        let rest = &tail[..tail.char_indices().nth(3).map_or(tail.len(), |(i, _)| i)];
        // The earliest, and of two there the longer ("看的" over "看").
        let reading = CJK_READING
            .iter()
            .filter_map(|r| rest.find(r).map(|i| (i, i + r.len())))
            .min_by_key(|&(i, end)| (i, std::cmp::Reverse(end)));
        if let Some((_, end)) = reading {
            spans.push((start, after + reader_end + end));
        }
    }
    spans
}

/// Whom a letter opening with "dear" is written to ("dear sir or madam", "dear bot").
const ADDRESSEES: &[&str] = &[
    "sir",
    "madam",
    "sirs",
    "bot",
    "team",
    "all",
    "friend",
    "friends",
    "expert",
    "experts",
    "colleague",
    "colleagues",
    "admin",
    "developers",
    "ganhuo",
    "mr",
    "ms",
    "mrs",
    "professor",
];

/// A letter's set phrases, wherever they stand: the courtesies before and after its request.
const LETTER_PHRASES: &[&[&str]] = &[
    &["i", "hope", "this", "message", "finds", "you", "well"],
    &["hope", "this", "message", "finds", "you", "well"],
    &["i", "hope", "this", "email", "finds", "you", "well"],
    &["hope", "this", "finds", "you", "well"],
    &["i", "hope", "you", "are", "doing", "well"],
    &["i", "hope", "you", "are", "well"],
    &["hope", "you", "are", "well"],
    &["i", "am", "writing", "to", "enquire", "about"],
    &["i", "am", "writing", "to", "inquire", "about"],
    &["i", "am", "writing", "to", "ask", "about"],
    &["i", "am", "writing", "to", "ask", "for"],
    &["i", "am", "writing", "to", "request"],
    &["with", "all", "due", "respect"],
    &["i", "would", "be", "highly", "obliged"],
    &["i", "would", "be", "very", "obliged"],
    &["i", "would", "be", "obliged"],
    &["i", "would", "be", "most", "grateful"],
    &["i", "would", "be", "very", "grateful"],
    &["i", "would", "be", "grateful"],
    &["highly", "obliged"],
    &["may", "i", "request"],
    &["esteemed", "bot"],
    &["esteemed", "sir"],
    &["esteemed", "team"],
    &["respected", "sir"],
    &["respected", "madam"],
    &["thanking", "you", "in", "advance"],
    &["thanking", "you"],
    &["looking", "forward", "to", "your", "reply"],
    &["looking", "forward", "to", "your", "answer"],
    &["looking", "forward", "to", "hearing", "from", "you"],
];

/// A letter's closings; the words after one, to the end of the message, are its signature.
const CLOSINGS: &[&[&str]] = &[
    &["yours", "faithfully"],
    &["yours", "sincerely"],
    &["yours", "truly"],
    &["best", "regards"],
    &["kind", "regards"],
    &["kindest", "regards"],
    &["warm", "regards"],
    &["warmest", "regards"],
    &["with", "regards"],
    &["regards"],
    &["sincerely"],
    &["respectfully"],
    &["best", "wishes"],
    // Two-word thanks only: "thanks" or "best" alone before three words may be the question
    // ("best 4bit quant").
    &["many", "thanks"],
    &["with", "thanks"],
    &["with", "gratitude"],
    &["all", "the", "best"],
    &["cordially"],
];

/// The most words a signature after a closing takes ("yours faithfully, klaus müller").
const SIGNATURE: usize = 3;

/// Byte ranges of a letter's salutation, set phrases and closing with its signature.
fn letter_spans(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let end_of = |k: usize| words[k].0 + words[k].1.len();
    let mut spans = Vec::new();
    if let [(at, "dear"), (_, first), rest @ ..] = words
        && ADDRESSEES.contains(first)
    {
        // "dear sir or madam": a second addressee joined by "or" / "and".
        let last = match rest {
            [(_, "or" | "and"), (_, second), ..] if ADDRESSEES.contains(second) => 3,
            _ => 1,
        };
        spans.push((*at, end_of(last)));
    }
    for i in 0..words.len() {
        let starts = |phrase: &&&[&str]| says_at(words, i, phrase);
        if let Some(phrase) = LETTER_PHRASES.iter().find(starts) {
            spans.push((words[i].0, end_of(i + phrase.len() - 1)));
        }
        if let Some(closing) = CLOSINGS.iter().find(starts)
            && words.len() - (i + closing.len()) <= SIGNATURE
        {
            spans.push((words[i].0, end_of(words.len() - 1)));
            break;
        }
    }
    spans
}

/// Degrees and studies that open a message as its writer's introduction: "PhD in physics, …",
/// "hi! masters in economics here".
const DEGREES: &[&str] = &[
    "phd",
    "msc",
    "ms",
    "masters",
    "master",
    "bachelor",
    "bachelors",
    "bsc",
    "ba",
    "degree",
    "major",
    "majoring",
    "undergrad",
];

/// The byte range of a degree opening the text (after a greeting): the degree, "in" and the
/// one word of its field ("phd in physics"). A field of more words keeps the rest as
/// content, which costs an answer less than a catalogue word taken for the asker's past.
fn degree_span(words: &[(usize, &str)]) -> Option<(usize, usize)> {
    let start = words
        .iter()
        .position(|w| !matches!(w.1, "hi" | "hey" | "hello" | ""))?;
    let [(at, degree), (_, "in"), (field_at, field), ..] = words[start..] else {
        return None;
    };
    let latin = field.bytes().all(|b| b.is_ascii_alphabetic());
    (DEGREES.contains(&degree) && latin && !LATIN_TURNS.contains(&field))
        .then(|| (at, field_at + field.len()))
}

/// Byte ranges of "<role> here" introductions: "hi, grad student here", "career switcher here
/// (data analyst)": the role and the words before it back to a turn, a greeting or
/// [`HERE_REACH`] words, and a role in apposition after "here".
fn here_spans(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for h in 1..words.len() {
        if words[h].1 != "here" || !LATIN_ROLES.contains(&words[h - 1].1) {
            continue;
        }
        let mut start = h - 1;
        while start > 0
            && h - start < HERE_REACH
            && !LATIN_TURNS.contains(&words[start - 1].1)
            && !matches!(words[start - 1].1, "hi" | "hey" | "hello" | "")
        {
            start -= 1;
        }
        let end = last_role(words, h + 1, HERE_REACH).unwrap_or(h);
        spans.push((words[start].0, words[end].0 + words[end].1.len()));
    }
    spans
}

/// The last word for what a person is among the `reach` words from `from`, before any turn.
fn last_role(words: &[(usize, &str)], from: usize, reach: usize) -> Option<usize> {
    let mut end = None;
    for (k, &(_, word)) in words.iter().enumerate().skip(from).take(reach) {
        if LATIN_TURNS.contains(&word) {
            break;
        }
        if LATIN_ROLES.contains(&word) {
            end = Some(k);
        }
    }
    end
}

/// Where the words after a Latin subject starting at word `i` begin, if one starts there.
/// "as" opens one anywhere ("as a backend dev, …", "learn rust as a python dev"); only a
/// person's role after its article makes it an introduction ("serve it as a web service" is
/// none).
fn latin_subject(words: &[(usize, &str)], i: usize) -> Option<usize> {
    if words[i].1 == "as" {
        return Some(i + 1);
    }
    if LATIN_PEOPLE.contains(&words[i].1) && says_at(words, i + 1, &["is"]) {
        return Some(i + 2);
    }
    LATIN_SUBJECTS
        .iter()
        .find(|subject| says_at(words, i, subject))
        .map(|subject| i + subject.len())
}

/// Whether the words from word `i` on begin with `phrase`.
fn says_at(words: &[(usize, &str)], i: usize, phrase: &[&str]) -> bool {
    words.len() >= i + phrase.len() && phrase.iter().zip(&words[i..]).all(|(p, w)| *p == w.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asides(text: &str) -> Vec<&str> {
        segments(text)
            .into_iter()
            .filter(|(_, a)| *a)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn how_much_the_asker_knows_is_theirs() {
        assert_eq!(
            asides("where to start w llms zero background"),
            ["zero background"]
        );
        assert_eq!(
            asides("llms for someone with no prior ml experience"),
            ["no prior ml experience"]
        );
        assert!(asides("zero knowledge proofs explained").is_empty());
        assert!(asides("no background removal model for photos").is_empty());
        assert!(asides("zero redundancy optimizer background").is_empty());
        assert_eq!(
            asides("finetune a little model at home? i know some python and thats about it"),
            ["i know some python"]
        );
        assert_eq!(
            asides("i only know a bit of pytorch, what is lora"),
            ["i only know a bit of pytorch"]
        );
        assert!(asides("i know lora, what is qlora").is_empty());
    }

    #[test]
    fn the_field_one_comes_from_and_the_reader_are_the_askers() {
        assert_eq!(
            asides("i m coming from a cv background and never touched nlp"),
            ["coming from a cv background"]
        );
        assert_eq!(
            asides("i have a physics background where do i start"),
            ["have a physics background"]
        );
        assert_eq!(
            asides("infinityband 的科普文章有吗 给运维同事看的"),
            ["给运维同事看的"]
        );
        assert_eq!(asides("给我们组新人看的 lora 教程"), ["给我们组新人看的"]);
        // Further off, the words before the reader may be what is asked about.
        assert!(asides("给幼儿园大班的孩子讲人工智能是什么").is_empty());
        // A background that is no person's: an image's.
        assert!(asides("remove the background of a photo").is_empty());
    }

    #[test]
    fn a_letters_courtesies() {
        assert_eq!(
            asides(
                "dear sir or madam i hope this message finds you well i would like kindly to ask \
                 for resources on the compiler xla yours faithfully klaus"
            ),
            [
                "dear sir or madam",
                "i hope this message finds you well",
                "yours faithfully klaus"
            ]
        );
        assert_eq!(
            asides("esteemed bot with all due respect may i request material about bitfit"),
            ["esteemed bot", "with all due respect", "may i request"]
        );
        // A closing word inside the question is no closing: "regards" here has more after it.
        assert!(
            asides("regards to the lora rank what value should i pick for a 7b model").is_empty()
        );
        assert!(asides("dear diary today i learned lora").is_empty());
    }

    #[test]
    fn chinese_introductions() {
        assert_eq!(
            asides("我是做后端的 java 程序员"),
            ["我是做后端的 java 程序员"]
        );
        assert_eq!(asides("我是学生想学lora"), ["我是学生"]);
        assert_eq!(asides("本人后端开发 想入门大模型"), ["本人后端开发"]);
        assert_eq!(asides("我是搞推理的 vllm 和 tgi 选哪个"), ["我是搞推理的"]);
        assert_eq!(asides("我是一名做后端的 想学大模型"), ["我是一名做后端的"]);
        // A unit of an organisation: one who works or studies there.
        assert_eq!(
            asides("我们是城商行科技部的 领导想做智能客服"),
            ["我们是城商行科技部的"]
        );
        assert_eq!(asides("我是计算机系的 想学 lora"), ["我是计算机系的"]);
        assert_eq!(asides("我是刚转行的后端 想学大模型"), ["我是刚转行的后端"]);
        assert_eq!(asides("我是学生刚用 vllm"), ["我是学生"]);
        // Where the asker comes from.
        assert_eq!(
            asides("从 java 后端转过来的 组里有人用 vllm"),
            ["从 java 后端转过来的"]
        );
        assert!(asides("从单卡训练转到多卡训练要改什么").is_empty());
    }

    #[test]
    fn english_introductions() {
        assert_eq!(asides("i m a web dev how do i start"), ["i m a web dev"]);
        assert_eq!(
            asides("as a backend engineer i want to"),
            ["as a backend engineer"]
        );
        // Within the message as well, but only before a person's role.
        assert_eq!(
            asides("best way to learn rust as a python dev"),
            ["as a python dev"]
        );
        assert!(asides("how do i serve it as a web service").is_empty());
        assert_eq!(
            asides("learn rust as a python dev and how to start"),
            ["as a python dev"]
        );
        assert_eq!(
            asides("i m just a phd student working on rlhf"),
            ["i m just a phd student"]
        );
        // "<role> here", and a role in apposition after it.
        assert_eq!(asides("hi grad student here"), ["grad student here"]);
        assert_eq!(
            asides("career switcher here data analyst i keep hearing transformer"),
            ["career switcher here data analyst"]
        );
        // A degree opening the message.
        assert_eq!(
            asides("phd in physics 想搞懂 attention 的公式"),
            ["phd in physics"]
        );
        assert_eq!(
            asides("hi masters in economics here"),
            ["masters in economics"]
        );
        // Whom the asker asks for is introduced the same way.
        assert_eq!(
            asides("our new intern is a physics major where should she start"),
            ["intern is a physics major"]
        );
        assert_eq!(
            asides("she s a phd student who wants to learn llms"),
            ["she s a phd student"]
        );
        assert!(asides("he is a fan of vllm").is_empty());
    }

    #[test]
    fn a_first_part_that_is_only_who_asks() {
        assert!(introduces_alone("本科生"));
        assert!(introduces_alone("大一新生"));
        assert!(introduces_alone("做后端开发的"));
        assert!(introduces_alone("java 后端开发"));
        assert!(introduces_alone("backend dev"));
        assert!(introduces_alone("first year phd student"));
        assert!(introduces_alone("干了二十年 hpc 运维"));
        assert!(introduces_alone("做了 3 年后端开发"));
        assert!(!introduces_alone("做了一个 rag 的 demo 效果很差"));
        assert!(!introduces_alone("学了两年想转大模型推理方向"));
        // A question, a turn to one, or a topic are no introduction.
        assert!(!introduces_alone("想学 lora 的学生"));
        assert!(!introduces_alone("让一个大模型当老师和学生"));
        assert!(!introduces_alone("推理后端怎么选"));
        assert!(!introduces_alone("vllm"));
        assert!(!introduces_alone("how to serve it for my team"));
        assert!(!introduces_alone(""));
        assert!(names_a_stack("mostly sql and dbt"));
        assert!(names_a_stack("mainly go"));
        assert!(!names_a_stack("mostly curious about vllm"));
        assert!(!names_a_stack("mostly how vllm pages the kv cache"));
        assert!(!names_a_stack("mostly"));
        assert!(!names_a_stack("sql and dbt"));
    }

    #[test]
    fn what_is_no_introduction() {
        assert!(asides("我是想问 lora 的原理").is_empty());
        assert!(asides("我是不是应该先学 pytorch 的基础").is_empty());
        assert!(asides("我是用 vllm 的 有没有办法加速").is_empty());
        assert!(asides("我是新手").is_empty());
        assert!(asides("i m a total beginner").is_empty());
        assert!(asides("serve it as a web service").is_empty());
        assert!(asides("how do i use it as a developer tool").is_empty());
        assert!(asides("我是说部署的时候").is_empty());
        assert!(asides("is the code here").is_empty());
        assert!(asides("lora in practice").is_empty());
        assert!(asides("why do we need a phd in ml to read this").is_empty());
    }

    #[test]
    fn the_department_one_works_in_is_the_askers() {
        assert_eq!(
            asides("ok so i m in marketing and my boss forwarded me an article about lora"),
            ["i m in marketing"]
        );
        assert_eq!(asides("i work in sales what is rag"), ["i work in sales"]);
        assert!(asides("i m in the middle of a lora run").is_empty());
        assert!(asides("quantization in finance").is_empty());
    }

    #[test]
    fn a_story_before_where_the_question_begins_is_the_askers() {
        assert_eq!(
            asides("哈哈哈笑死 刚写完周报摸鱼刷微博 顺便问一嘴 有没有讲 flash attention 为啥快的"),
            ["哈哈哈笑死 刚写完周报摸鱼刷微博 顺便问一嘴"]
        );
        assert_eq!(
            asides("context phd student lab has 4 a100s anyway actual question is there a toolkit"),
            ["context phd student lab has 4 a100s anyway actual question"]
        );
        assert!(asides("the actual questions of an interview about lora").is_empty());
    }

    #[test]
    fn who_one_is_not_introduces_too() {
        assert_eq!(asides("我不是程序员 想学 lora"), ["我不是程序员"]);
        assert!(asides("我不是很懂 lora 的原理").is_empty());
    }

    #[test]
    fn who_one_is_with_a_measure_after_it_introduces() {
        assert!(introduces_alone("pm 一枚"));
        // How new the person is, before what they are.
        assert!(introduces_alone("刚入行的后端"));
        assert!(introduces_alone("刚毕业的前端"));
        assert!(!introduces_alone("刚用 vllm 跑起来的后端"));
        assert!(introduces_alone("后端一枚"));
        assert!(!introduces_alone("lora 一枚"));
    }

    #[test]
    fn the_source_article_named_by_its_title_is_which_list() {
        assert_eq!(
            asides("那篇讲大模型从理论到落地的文章 开头数学部分推荐了啥"),
            ["大模型从理论到落地"]
        );
        assert_eq!(
            asides("那篇 一文详细梳理大模型从理论到实战落地必备干货 里剪枝的链接"),
            ["一文详细梳理大模型从理论到实战落地"]
        );
        // Theory and practice wished for in a tutorial are what it should be like.
        assert!(asides("有没有从理论到代码实战都讲的 lora 入门资料").is_empty());
    }

    #[test]
    fn segments_cover_the_text_in_order() {
        assert_eq!(
            segments("你好 我是学生 想学 lora"),
            [("你好", false), ("我是学生", true), ("想学 lora", false)]
        );
        assert_eq!(segments("lora 教程"), [("lora 教程", false)]);
    }
}
