//! Words that shape a query without naming a topic: stop words and intent words.
//!
//! "教程", "tutorial", "怎么", "what is" carry no topic. They must not count towards a match
//! (or an off-topic query full of them would pass the relevance floor), but some of them say
//! what *kind* of resource the user wants, and that may lift resources of that kind.

use crate::catalogue::Kind;

/// What a query word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Names something to look for.
    Content,
    /// Says what the user wants to do or read; may prefer some kinds of resource.
    Intent(&'static [Kind]),
    /// Carries nothing (articles, question words, particles).
    Stop,
}

const TUTORIAL: &[Kind] = &[Kind::Article, Kind::Course, Kind::Docs, Kind::Book];
const CODE: &[Kind] = &[Kind::Repo];
const VIDEO: &[Kind] = &[Kind::Video, Kind::Course];
const COURSE: &[Kind] = &[Kind::Course, Kind::Video];
const PAPER: &[Kind] = &[Kind::Paper];
const DOCS: &[Kind] = &[Kind::Docs, Kind::Website];
const ARTICLE: &[Kind] = &[Kind::Article];
const BOOK: &[Kind] = &[Kind::Book];
const DATASET: &[Kind] = &[Kind::Dataset];
const MODEL: &[Kind] = &[Kind::ModelCard];

/// Intent words and the kinds they prefer. Chinese entries double as segmentation dictionary
/// words so that "有没有讲NCCL的文章" splits around them.
const INTENTS: &[(&str, &[Kind])] = &[
    ("教程", TUTORIAL),
    ("入门", TUTORIAL),
    ("详解", TUTORIAL),
    ("图解", TUTORIAL),
    ("解析", TUTORIAL),
    ("原理", TUTORIAL),
    ("实战", TUTORIAL),
    ("实践", TUTORIAL),
    ("指南", TUTORIAL),
    ("介绍", TUTORIAL),
    ("学习", TUTORIAL),
    ("资料", TUTORIAL),
    ("资源", TUTORIAL),
    ("笔记", TUTORIAL),
    ("源码", CODE),
    ("代码", CODE),
    ("仓库", CODE),
    ("开源", CODE),
    ("项目", CODE),
    ("视频", VIDEO),
    ("b站", VIDEO),
    ("课程", COURSE),
    ("公开课", COURSE),
    ("网课", COURSE),
    ("论文", PAPER),
    ("文档", DOCS),
    ("官网", DOCS),
    ("官方", DOCS),
    ("文章", ARTICLE),
    ("博客", ARTICLE),
    ("专栏", ARTICLE),
    ("书", BOOK),
    ("数据集", DATASET),
    ("模型卡", MODEL),
    ("tutorial", TUTORIAL),
    ("tutorials", TUTORIAL),
    ("guide", TUTORIAL),
    ("guides", TUTORIAL),
    ("intro", TUTORIAL),
    ("introduction", TUTORIAL),
    ("beginner", TUTORIAL),
    ("beginners", TUTORIAL),
    ("explained", TUTORIAL),
    ("explain", TUTORIAL),
    ("explanation", TUTORIAL),
    ("overview", TUTORIAL),
    ("learn", TUTORIAL),
    ("resources", TUTORIAL),
    ("resource", TUTORIAL),
    ("notes", TUTORIAL),
    ("source", CODE),
    ("code", CODE),
    ("repo", CODE),
    ("repository", CODE),
    ("github", CODE),
    ("implementation", CODE),
    ("video", VIDEO),
    ("videos", VIDEO),
    ("bilibili", VIDEO),
    ("course", COURSE),
    ("courses", COURSE),
    ("lecture", COURSE),
    ("lectures", COURSE),
    ("paper", PAPER),
    ("papers", PAPER),
    ("arxiv", PAPER),
    ("docs", DOCS),
    ("doc", DOCS),
    ("documentation", DOCS),
    ("official", DOCS),
    ("article", ARTICLE),
    ("articles", ARTICLE),
    ("blog", ARTICLE),
    ("post", ARTICLE),
    ("book", BOOK),
    ("books", BOOK),
    ("dataset", DATASET),
    ("datasets", DATASET),
];

/// Words with no meaning for search, in both languages.
const STOPS: &[&str] = &[
    // Chinese question words, particles and filler; multi-character ones also segment queries.
    "有没有",
    "有什么",
    "有哪些",
    "哪些",
    "哪个",
    "什么是",
    "是什么",
    "什么",
    "怎么样",
    "怎么",
    "如何",
    "为什么",
    "请问",
    "请",
    "推荐",
    "一下",
    "一些",
    "一个",
    "关于",
    "相关",
    "讲讲",
    "讲解",
    "我想",
    "想学",
    "想要",
    "需要",
    "好的",
    "最好",
    "可以",
    "能不能",
    "谁有",
    "求",
    "的",
    "了",
    "吗",
    "呢",
    "吧",
    "啊",
    "和",
    "与",
    "及",
    "或",
    "在",
    "是",
    "有",
    "讲",
    "看",
    "找",
    "我",
    "你",
    "中",
    "用",
    "怎样",
    "这个",
    "那个",
    "知道",
    "东西",
    "方面",
    "里面",
    "给我",
    "帮我",
    "一篇",
    "几篇",
    "文章吗",
    // English.
    "a",
    "an",
    "the",
    "of",
    "for",
    "in",
    "on",
    "to",
    "and",
    "or",
    "is",
    "are",
    "was",
    "be",
    "what",
    "whats",
    "how",
    "why",
    "which",
    "who",
    "where",
    "when",
    "about",
    "with",
    "me",
    "i",
    "my",
    "any",
    "some",
    "do",
    "does",
    "can",
    "could",
    "you",
    "there",
    "please",
    "recommend",
    "recommended",
    "good",
    "best",
    "great",
    "top",
    "show",
    "find",
    "need",
    "want",
    "looking",
    "look",
    "help",
    "get",
    "give",
    "tell",
    "from",
    "by",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "one",
    "ones",
    "should",
    "would",
    "use",
    "using",
    "vs",
    "versus",
    "like",
    "more",
    "than",
    "into",
    "at",
    "as",
    "anything",
    "something",
    "everything",
    "stuff",
    "thing",
    "things",
    "way",
    "ways",
    "else",
    "also",
    "all",
    "much",
    "many",
    "we",
    "us",
    "our",
    "your",
    "have",
    "has",
    "had",
];

/// Classifies one normalised query word.
pub fn role(word: &str) -> Role {
    if let Some((_, kinds)) = INTENTS.iter().find(|(w, _)| *w == word) {
        return Role::Intent(kinds);
    }
    if STOPS.contains(&word) {
        return Role::Stop;
    }
    Role::Content
}

/// Every Chinese lexicon word: the segmenter needs them so intent and stop words split off
/// instead of gluing onto topic words.
pub fn cjk_words() -> impl Iterator<Item = &'static str> {
    INTENTS
        .iter()
        .map(|(w, _)| *w)
        .chain(STOPS.iter().copied())
        .filter(|w| !w.is_ascii() && w.chars().count() >= 2)
}

/// How strongly a word of this role asks for resources of `kind`, in [0, 1]: fully for the
/// first kind of a specific wish ("视频" → video), half for its fallback (course), and a
/// third for any kind of a generic wish ("教程" accepts articles, courses, docs, books).
pub fn preference(role: Role, kind: Kind) -> f32 {
    let Role::Intent(kinds) = role else {
        return 0.0;
    };
    match kinds.iter().position(|&k| k == kind) {
        None => 0.0,
        Some(_) if kinds.len() > 2 => 1.0 / 3.0,
        Some(0) => 1.0,
        Some(_) => 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intent_words_prefer_kinds() {
        assert_eq!(role("教程"), Role::Intent(TUTORIAL));
        assert_eq!(preference(role("视频"), Kind::Video), 1.0);
        assert_eq!(preference(role("视频"), Kind::Course), 0.5);
        assert_eq!(preference(role("源码"), Kind::Repo), 1.0);
        assert!(preference(role("教程"), Kind::Article) < 0.5);
        assert_eq!(preference(role("lora"), Kind::Article), 0.0);
    }

    #[test]
    fn stop_and_content_words() {
        assert_eq!(role("the"), Role::Stop);
        assert_eq!(role("有没有"), Role::Stop);
        assert_eq!(role("lora"), Role::Content);
        assert_eq!(role("learning"), Role::Content);
    }

    #[test]
    fn cjk_words_are_multi_character() {
        assert!(cjk_words().all(|w| w.chars().count() >= 2));
        assert!(cjk_words().any(|w| w == "有没有"));
    }
}
