//! Words that shape a query without naming a topic: stop words and intent words.
//!
//! "教程", "tutorial", "怎么", "what is" carry no topic. They must not count towards a match
//! (or an off-topic query full of them would pass the relevance floor), but some of them say
//! what *kind* of resource the user wants, and that may lift resources of that kind.

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

use super::filed::{Filed, latin_key};
use super::pinyin;
use super::smalltalk;
use crate::catalogue::{Kind, Lang};

/// What a query word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Names something to look for.
    Content,
    /// Says what the user wants to do or read; may prefer some kinds of resource.
    Intent(&'static [Kind]),
    /// Asks for resources in one language ("英文的 LoRA 教程", "in chinese please").
    Language(Lang),
    /// Carries nothing (articles, question words, particles).
    Stop,
    /// Joins the concepts of a comparison or a list ("vs", "和", "还是").
    Link,
    /// Names what the message rules out ("不要知乎的", "besides vllm"): set by
    /// [`super::exclusion`], never by the lexicon.
    Excluded,
    /// Names a kind of resource the message does not want ("不要视频", "no papers", "别再给我
    /// 文章了"): an intent word after a ruling-out cue, set by [`super::exclusion`].
    Unwanted(&'static [Kind]),
    /// Says who is asking or on what machine, not what about ("我是做后端的", "I'm a web
    /// dev", "on ubuntu 22"): set by [`super::background`] and [`super::setting`], never by
    /// the lexicon.
    Background,
}

const TUTORIAL: &[Kind] = &[Kind::Article, Kind::Course, Kind::Docs, Kind::Book];
const CODE: &[Kind] = &[Kind::Repo];
const VIDEO: &[Kind] = &[Kind::Video, Kind::Course];
const COURSE: &[Kind] = &[Kind::Course, Kind::Video];
const PAPER: &[Kind] = &[Kind::Paper];
const DOCS: &[Kind] = &[Kind::Docs, Kind::Website];
/// Documentation of a tool: its docs, or its repository, whose README and docs folder are
/// where many tools keep theirs ("MindSpore Serving 有文档吗" is answered by its repository).
const DOCUMENTATION: &[Kind] = &[Kind::Docs, Kind::Repo];
const ARTICLE: &[Kind] = &[Kind::Article];
const BOOK: &[Kind] = &[Kind::Book];
const DATASET: &[Kind] = &[Kind::Dataset];
const MODEL: &[Kind] = &[Kind::ModelCard];

/// Words that ask for a language. "中文文档" stays one catalogue word, as the segmenter
/// matches the longest; "chinese" inside a name ("chinese llama") is joined by compounds first.
const LANGUAGES: &[(&str, Lang)] = &[
    ("中文", Lang::Zh),
    ("中文版", Lang::Zh),
    ("汉语", Lang::Zh),
    ("英文", Lang::En),
    ("英文版", Lang::En),
    ("英语", Lang::En),
    ("chinese", Lang::Zh),
    ("mandarin", Lang::Zh),
    ("english", Lang::En),
];

/// Intent words and the kinds they prefer. Chinese entries double as segmentation dictionary
/// words so that "有没有讲NCCL的文章" splits around them.
const INTENTS: &[(&str, &[Kind])] = &[
    ("教程", TUTORIAL),
    ("入门", TUTORIAL),
    // Where to start learning ("这个方向要从哪里学起"): learning material, as 入门.
    ("学起", TUTORIAL),
    // The same in Taiwan ("要從哪裡看起").
    ("看起", TUTORIAL),
    // A primer, a crash course ("有没有扫盲的", "能速成的图解").
    ("扫盲", TUTORIAL),
    ("速成", TUTORIAL),
    // The internet's words for a gentle, step-by-step explainer ("保姆级教程", "有没有人话版").
    ("保姆级", TUTORIAL),
    ("手把手", TUTORIAL),
    ("一文看懂", TUTORIAL),
    ("一文读懂", TUTORIAL),
    ("人话", TUTORIAL),
    ("人话版", TUTORIAL),
    ("说人话", TUTORIAL),
    ("详解", TUTORIAL),
    ("图解", TUTORIAL),
    // "shows convolution step by step, visually": an illustrated explanation, as 图解.
    ("visually", TUTORIAL),
    ("画图", TUTORIAL),
    ("带图", TUTORIAL),
    ("配图", TUTORIAL),
    ("有图", TUTORIAL),
    ("整体", TUTORIAL),
    ("解析", TUTORIAL),
    ("解读", TUTORIAL),
    ("原理", TUTORIAL),
    // The intuition behind a formula is an explanation to read, as 原理 is ("平滑因子背后的
    // 直觉是什么", "want the intuition before the code").
    ("直觉", TUTORIAL),
    ("实战", TUTORIAL),
    ("实践", TUTORIAL),
    ("指南", TUTORIAL),
    ("介绍", TUTORIAL),
    ("学习", TUTORIAL),
    ("资料", TUTORIAL),
    // Material to learn from, as 资料 ("从零开始的 Transformer 材料").
    ("材料", TUTORIAL),
    ("资源", TUTORIAL),
    ("笔记", TUTORIAL),
    ("代码", CODE),
    // Taiwan's words for code, a tutorial and a video (程式碼, 教學, 影片).
    ("程式码", CODE),
    ("教学", TUTORIAL),
    ("影片", VIDEO),
    // A documentary is a video to learn from ("有没有讲强化学习的纪录片").
    ("纪录片", VIDEO),
    ("仓库", CODE),
    ("开源", CODE),
    ("项目", CODE),
    ("视频", VIDEO),
    ("哔哩哔哩", VIDEO),
    ("课程", COURSE),
    ("公开课", COURSE),
    ("网课", COURSE),
    // Watching lectures ("计划每天 2h 看课"): a course or its videos.
    ("看课", COURSE),
    ("论文", PAPER),
    // The paper itself, not a post about it ("想找几篇量化方面的原始论文来读").
    ("原始论文", PAPER),
    ("原论文", PAPER),
    ("文档", DOCUMENTATION),
    ("官网", DOCS),
    ("官方", DOCS),
    ("网站", DOCS),
    ("网页", DOCS),
    ("主页", DOCS),
    ("文章", ARTICLE),
    ("博客", ARTICLE),
    ("专栏", ARTICLE),
    ("书", BOOK),
    ("书籍", BOOK),
    ("教材", BOOK),
    ("教科书", BOOK),
    ("数据集", DATASET),
    ("模型卡", MODEL),
    ("tutorial", TUTORIAL),
    ("tutorials", TUTORIAL),
    ("guide", TUTORIAL),
    ("howto", TUTORIAL),
    // A walk through something, a write-up of it, a primer on it: something to read ("a
    // decent walkthrough of LoRA", "a writeup on how Megatron partitions the model"). Titles
    // that say "code walkthrough" are still found by what they walk through.
    ("walkthrough", TUTORIAL),
    ("walkthroughs", TUTORIAL),
    ("writeup", TUTORIAL),
    ("writeups", TUTORIAL),
    // Something easy to read ("a readable walkthrough of GPTQ").
    ("readable", TUTORIAL),
    ("primer", TUTORIAL),
    ("primers", TUTORIAL),
    ("cheatsheet", TUTORIAL),
    ("cheatsheets", TUTORIAL),
    ("guides", TUTORIAL),
    ("intro", TUTORIAL),
    // "quantization 101": the introductory course of a subject.
    ("101", TUTORIAL),
    ("introduction", TUTORIAL),
    ("introductory", TUTORIAL),
    ("beginner", TUTORIAL),
    ("beginners", TUTORIAL),
    ("explained", TUTORIAL),
    ("explain", TUTORIAL),
    ("explanation", TUTORIAL),
    ("intuition", TUTORIAL),
    ("intuitions", TUTORIAL),
    ("overview", TUTORIAL),
    ("learn", TUTORIAL),
    ("resources", TUTORIAL),
    ("resource", TUTORIAL),
    ("material", TUTORIAL),
    ("materials", TUTORIAL),
    ("notes", TUTORIAL),
    ("source", CODE),
    ("code", CODE),
    ("repo", CODE),
    ("repository", CODE),
    ("github", CODE),
    ("implementation", CODE),
    // A piece of code to read ("the idea + a code snippet").
    ("snippet", CODE),
    ("snippets", CODE),
    ("video", VIDEO),
    ("videos", VIDEO),
    ("bilibili", VIDEO),
    // Where the videos are, as bilibili ("not a 40 min youtube video"); no resource is on it.
    ("youtube", VIDEO),
    ("course", COURSE),
    ("courses", COURSE),
    ("lecture", COURSE),
    ("lectures", COURSE),
    ("paper", PAPER),
    ("papers", PAPER),
    ("arxiv", PAPER),
    ("docs", DOCUMENTATION),
    ("doc", DOCUMENTATION),
    ("readme", DOCUMENTATION),
    ("documentation", DOCUMENTATION),
    ("official", DOCS),
    ("website", DOCS),
    ("websites", DOCS),
    ("site", DOCS),
    ("sites", DOCS),
    ("homepage", DOCS),
    ("page", DOCS),
    ("pages", DOCS),
    ("article", ARTICLE),
    ("articles", ARTICLE),
    ("blog", ARTICLE),
    ("blogs", ARTICLE),
    ("post", ARTICLE),
    ("posts", ARTICLE),
    ("book", BOOK),
    ("books", BOOK),
    ("textbook", BOOK),
    ("textbooks", BOOK),
    ("dataset", DATASET),
    ("datasets", DATASET),
    // The same kinds in Spanish, Portuguese, French, German and Italian, as engineers from
    // Europe and Latin America slip them into English ("c'è una guida for the scheduler?",
    // "quero aprender RL com código"): accented and as typed without the accents.
    ("guía", TUTORIAL),
    ("guia", TUTORIAL),
    ("guida", TUTORIAL),
    ("anleitung", TUTORIAL),
    ("explicación", TUTORIAL),
    ("explicacion", TUTORIAL),
    ("explicação", TUTORIAL),
    ("explicacao", TUTORIAL),
    ("erklärung", TUTORIAL),
    ("erklarung", TUTORIAL),
    ("spiegazione", TUTORIAL),
    ("aprender", TUTORIAL),
    ("apprendre", TUTORIAL),
    ("lernen", TUTORIAL),
    ("imparare", TUTORIAL),
    ("código", CODE),
    ("codigo", CODE),
    ("codice", CODE),
    ("artículo", ARTICLE),
    ("articulo", ARTICLE),
    ("artigo", ARTICLE),
    ("articolo", ARTICLE),
    ("artikel", ARTICLE),
    ("libro", BOOK),
    ("livro", BOOK),
    ("livre", BOOK),
    ("buch", BOOK),
    ("curso", COURSE),
    ("cours", COURSE),
    ("corso", COURSE),
    ("kurs", COURSE),
];

/// Words that join the concepts of a comparison or a list ("deepspeed vs megatron", "LoRA 和
/// QLoRA 有什么区别"): they carry no topic, and they mark where one concept ends.
#[rustfmt::skip]
const LINKS: &[&str] = &[
    // "n" is chat's "and" ("smaller n faster").
    "vs", "versus", "or", "and", "n", "against", "和", "与", "跟", "同", "及", "以及", "还是", "或", "或者",
    "或是", "对比", "比较", "相比", "对照",
];

/// Words before what a message rules out: "不要知乎的", "不让用英伟达", "除了量化", "besides
/// vllm" (see [`super::exclusion`]). They are stop words themselves. Not 不想 or 不用 alone:
/// "不想再训练", "不用写代码" say what the asker would rather not do, and the words after them
/// (训练) name what the answer may well be about (训练后量化).
#[rustfmt::skip]
pub const RULING_OUT: &[&str] = &[
    "不要", "不想要", "不想用", "不让用", "别用", "别给", "别推荐", "不想看", "除了", "besides", "except",
    "excluding", "已收藏", "收藏了", "已经有", "已有",
    // Correcting an answer ("我不是要 LangChain 教程，是想知道 Dify 多少钱", "我要的不是 MLIR 那种
    // AI 编译"); not 不是 alone, which says what a thing is not ("vLLM 不是训练框架吗").
    "不是要", "不是问", "不是想问", "不是想要", "要的不是", "问的不是", "说的不是", "指的不是",
];

/// Of [`RULING_OUT`], the words that also add ("DeepSpeed 除了训练还能做推理吗", "besides
/// training, can it serve?"): they rule out only when the message goes on to ask for others
/// ([`ASKING_FOR_OTHERS`]).
/// What one has already ("已收藏 vLLM 的文档，推理框架还缺啥") rules out the same way.
pub const BESIDES: &[&str] = &["除了", "besides", "已收藏", "收藏了", "已经有", "已有"];

/// "alternative(s)" and the misspellings of it people type ("vllm alternitive made by hugging
/// face?"): it both asks for others ([`ASKING_FOR_OTHERS`]) and follows what is ruled out
/// ([`RULED_OUT_BEFORE`]), so it is listed once for both.
#[rustfmt::skip]
pub const ALTERNATIVES: &[&str] = &[
    "alternative", "alternatives", "alternitive", "alternitives", "alterative", "alteratives",
    "alternatve", "alternatves",
];

/// What asks for others after [`BESIDES`]: "除了量化还讲了啥", "besides vllm, what else"; the
/// words of [`ALTERNATIVES`] too.
#[rustfmt::skip]
pub const ASKING_FOR_OTHERS: &[&str] = &[
    "别的", "其他", "其它", "还有", "还缺", "缺啥", "缺什么", "还有什么", "还有啥", "还有哪些", "还讲了", "还讲", "还推荐", "还列了", "还收录", "还收", "还放了", "还提到", "还介绍了", "另外", "else", "other", "others",
    "another", "再来一篇", "再来一个", "再推荐",
];

/// Words that rule out a kind of resource only ("no papers", "别再给我文章了"), never a topic:
/// "no GPU" and "not enough memory" describe the asker's situation, and "大家都说别再用
/// DataParallel" asks about DataParallel.
/// 不用, 别太 and 看不懂 as well: "不用数学也能看懂的" wants an explanation without the math, "别太
/// technical 的入门" one without the jargon, "看不懂公式" one without the formulas.
pub const RULING_OUT_KINDS: &[&str] = &[
    "别再",
    "别太",
    "不想",
    "不想看",
    "不用",
    "看不懂",
    "no",
    "not",
    "without",
];

/// Words after what a message rules out, within two words: "东野圭吾以外的", "量化之外",
/// "deepspeed 平替", "ZeRO 的知乎图解看过了"; the words of [`ALTERNATIVES`] too ("vllm
/// alternatives").
#[rustfmt::skip]
pub const RULED_OUT_BEFORE: &[&str] = &[
    "以外", "之外", "替代品", "平替", "看过了", "看完了", "读过了", "读完了", "学过了", "已经懂了",
    // What the asker knows already ("机器学习不算陌生，但大模型微调完全没碰过").
    "不算陌生", "不陌生", "挺熟", "挺熟的", "比较熟",
];

/// Words with no meaning for search, in both languages: question frames ("请问", "有没有",
/// "how do i", "what's the difference"), chat filler ("系统学一下", "有推荐吗", "for a newbie",
/// "still") and function words. They shape a question but never block it.
#[rustfmt::skip]
const STOPS: &[&str] = &[
    // Chinese: question frames.
    "有没有", "有木有", "有无", "有什么", "有哪些", "有啥", "些啥", "些什么", "哪些", "哪个", "哪种", "哪里", "哪儿", "在哪", "在哪里",
    "什么是", "是什么", "是啥", "啥是", "什么", "啥", "怎么样", "怎么", "怎样", "怎么办", "咋办", "咋", "如何", "为什么",
    "为啥", "干嘛", "干啥", "是不是", "能不能", "可不可以", "可以", "能否", "是否", "多少", "几个", "区别", "比", "不同", "不一样", "差别",
    "差异", "异同", "优缺点", "优劣", "好不好", "哪个好", "选哪个", "介绍一下", "讲讲", "讲一讲", "说说", "聊聊", "讲解",
    "解释", "解释一下", "科普", "顺序", "路线", "路径", "步骤", "流程", "方法", "办法", "手段", "方式", "思路", "技巧",
    "建议", "意思", "作用", "用途", "用处", "用法", "区分",
    // "这俩到底差在哪": which two, and where they differ.
    "这俩", "那俩", "这两者", "差在哪", "差在哪里", "差在哪儿",
    // Chinese: chat filler and politeness.
    "拜托", "拜托啦", "拜托了", "请问", "请教", "请", "麻烦", "麻烦问下", "问下", "问一下", "想问", "想问下", "想问一下", "求问", "求助", "求", "求推荐",
    "推荐", "推荐一下", "推荐几个", "推荐一个", "有推荐吗", "求分享", "分享", "一下", "一些", "一点", "一个", "一篇", "几篇",
    "一份", "一本", "一套", "一遍", "这个", "那个", "这些", "那些", "这种", "那种", "关于", "相关", "有关", "方面",
    "东西", "内容", "里面", "之类", "之类的", "我想", "我要", "想学", "想要", "想看", "想了解", "了解", "了解一下", "学学",
    "学一下", "系统学", "系统学习", "系统地", "系统", "全面", "深入", "详细", "简单", "通俗", "通俗易懂", "易懂", "好懂", "直观", "直白", "形象", "生动",
    "看懂", "理解", "搞懂", "弄懂", "明白", "知道", "需要", "应该", "必须", "最好", "比较好", "好的", "好用", "靠谱", "方便",
    "优质", "经典", "最新", "目前", "现在", "最近", "一直", "总是", "老是", "经常", "还有", "还能", "也能", "另外",
    // Chinese: where and when the asker read something, as 之前 ("微软那边…那篇博客我几年前就看
    // 过了"), and typing code oneself ("自己一行一行敲一遍").
    "那边", "看过", "读过", "学过", "几年", "原版", "后续", "一行一行", "逐行", "敲",
    // Chinese: following along as one watches or reads ("可以跟着看的视频", "跟着学", "跟着敲").
    "跟着",
    // Chinese: the expression a formula pasted beside it is ("这个式子里为什么要除以 √d").
    "式子",
    // Chinese: apologising for the question ("问个可能很蠢的问题", "找不到了能再发一下吗").
    "蠢", "很蠢", "可能", "不到",
    // Chinese: apologising for how it is typed ("手机打字见谅", "打字慢").
    "手机打字", "打字", "见谅", "请见谅",
    // Chinese: what a speaker says while thinking, as voice input writes it down ("嗯那个就是说…").
    "嗯", "呃", "额", "就是", "就是说", "怎么说呢",
    // Chinese: setting a tool up ("deepspeed 怎么配置", "ubuntu 上怎么装 vllm"): how, not
    // what about.
    "配置", "配置文件", "设置", "选项", "安装",
    // "linux上装 deepspeed", "windows下装 vllm": 上/下/里 and 装 (install on, under, in) read as
    // one gap, 上装 and 下装 as clothes; they say where and how, not what about.
    "上装", "下装", "里装",
    // "在单张4090上调13b": on one card (单张, 一张, 两张), 上 and 调 (tune on) read as one gap,
    // 上调 as raising a price; they say on what and how many, not what about.
    "上调", "单张", "一张", "两张", "单块", "一块",
    // Chinese: asking the bot to look something up ("帮我查一下", "都能查些什么").
    "查", "查查", "查些", "查下", "查一下", "搜", "搜搜", "搜下", "搜一下",
    // Finding it, and soon ("就想快点找到靠谱的资料"): how the asker looks, not for what. 快点 alone
    // may ask for speed ("推理能快点吗").
    "找到", "快点找到", "快点找", "尽快",
    // Having no idea, and what a boss sent ("no clue", "my boss forwarded me an article").
    "clue", "clueless", "forwarded",
    // Not getting it ("我一直没整明白"), and the forum's winking dog after a joke ("[doge]").
    "整明白", "没整明白", "整不明白", "doge", "狗头",
    // Where something was read that the catalogue does not link to ("r/LocalLLaMA 上天天聊的").
    "reddit", "subreddit",
    // A forum's original poster and "actually" ("楼主这个需求其实就是…").
    "楼主", "其实",
    // How demanding the reading should be ("别太硬核的那种"): a manner, not a topic.
    "硬核", "太硬核",
    // Chat about what the asker will do with it ("好跟他们掰扯掰扯", "讲透的资料", "一共列了哪几个",
    // "这种一般怎么搭起来", "翻出相关的几段").
    "掰扯", "掰扯掰扯", "讲透", "一共", "搭起来", "几段", "来读",
    "其他", "其它", "然后", "但是", "不过", "所以", "因为", "如果", "的话", "谁有", "有人", "有人讲过", "大家", "大佬",
    "各位", "小白", "新手", "菜鸟", "纯小白", "纯新手", "初学者", "萌新", "纯萌新", "完全小白", "外行", "门外汉", "零基础", "从零", "从零开始", "开始", "从哪", "从哪里", "从哪本", "从哪篇", "从哪个", "高中生", "初中生", "中学生", "文科生", "理科生", "先", "给我", "帮我", "帮忙", "告诉", "告诉我",
    "看看", "看什么", "学什么", "学", "我是", "之前", "之后", "比如", "看哪", "找", "能", "会", "要", "想", "该", "得", "把", "被", "让", "给", "对",
    "向", "从", "到", "再", "又", "也", "都", "就", "才", "很", "太", "更", "最", "还", "只", "没", "不",
    "别", "吗", "呢", "吧", "啊", "呀", "嘛", "哈", "啦", "哦", "呗", "的", "地", "了", "着", "过", "在",
    "是", "有", "讲", "看", "我", "你", "他", "她", "它", "我们", "你们", "他们", "中", "用", "做", "文章吗",
    "资料吗", "教程吗", "下载", "公开", "哪篇", "哪本", "哪一篇", "哪一个", "先看", "看哪篇", "好上手",
    "上手", "入手", "推荐吗", "有吗", "吗有", "一般", "主要", "具体", "到底", "究竟", "一般来说",
    "分别", "挨个", "逐个", "回事", "怎么回事", "是怎么回事", "来着", "叫什么", "叫啥", "怎么弄", "怎么搞", "弄", "搞",
    // Chinese: asking whether two names are one thing ("DeepSpeed 跟 DeepSeek 是同一家公司的吧？名字
    // 这么像", "张量并行和流水线并行是一回事吧"): a frame around the names, never what is asked.
    "同一", "同一家", "同一家公司", "同一个", "一回事", "名字这么像", "这么像",
    // Chinese: how a half memory is told ("好像是斯坦福的…叫啥来着", "megatron 那套…的做法").
    "好像", "听说", "那套", "这套", "做法",
    // A question put as a supposition ("假如给我 1000 张卡，该先学什么", "suppose my boss wants a
    // 70B model served tomorrow"): the frame of a what-if, not what it is about.
    "假如", "假如说", "假设说", "要是", "万一", "suppose", "supposing", "imagine",
    "hypothetically", "hypothetical", "pretend",
    // Chinese: asking whether the bot has a thing ("你们收录量化的资料吗", "这里收了 NCCL 的文章没"):
    // what is looked for follows; 收录 is the asking, as 有 is.
    "收录", "收录了", "收了",
    "折腾", "玩玩", "写过", "求个", "一条龙",
    // Chinese: asking whether something is worth it ("BitFit 效果怎么样 值得试吗",
    // "1.58 比特的模型真的能用吗"): how good, not what about.
    "值得", "值不值得", "值得一试", "值得试", "试", "试试", "试一试", "试一下", "真的", "真能",
    "效果怎么样", "效果如何", "效果好吗", "能用吗", "好用吗",
    // Asking what is wrong with a thing ("LoRA 的缺点", "吐槽一下 LangChain", "the downsides of
    // pipeline parallelism", "is vLLM overkill for one user"): its weak side, not another topic.
    "缺点", "弊端", "局限", "局限性", "短板", "不足之处", "槽点", "吐槽", "吐槽一下",
    "downside", "downsides", "drawback", "drawbacks", "limitation", "limitations", "pitfall",
    "pitfalls", "weakness", "weaknesses", "shortcoming", "shortcomings", "overkill", "critique",
    "criticism", "criticisms",
    "想找", "要找", "找找", "找点", "再找", "想再找",
    // Chinese: when and how urgently ("救命，明天就要汇报了"): the asker's situation, never
    // what the question is about.
    "救命", "急", "急求", "在线等", "今天", "明天", "后天", "昨天", "今晚", "明早", "下周", "下个月", "马上",
    "就要", "快要",
    // Chinese: the story around a question ("暑假在家闲着没事", "今年过年没回家", "特别尴尬"):
    // when it happened, where, and how the asker felt. Narration, never a topic nor a thing
    // asked for.
    // 课 alone is said of a class one takes ("实验课要找数据集", "视频课吗") as often as of
    // a course wanted: neither a topic nor, by itself, a kind asked for.
    "课", "课吗", "暑假", "寒假", "学期", "这学期", "本学期", "下学期", "上学期", "今年", "过年", "这几天", "每天", "在家", "回家", "出租屋", "没事", "尴尬", "支支吾吾", "沮丧",
    // 营销号 are the accounts whose hype the asker is tired of ("不想再看营销号的速成了").
    "营销号",
    // Chinese: the asker's situation and state of mind ("小弟刚入职，领导让研究一下量化，完全没头绪",
    // "看了三遍还是懵的"): "just", "completely", "no clue", as in English.
    "刚", "刚刚", "完全", "头绪", "没头绪", "一头雾水", "懵", "懵的", "懵逼", "小弟", "入职", "刚入职",
    // Having no grounding ("研一，完全没基础，想学强化学习从哪开始"): the asker's state, not a wish for
    // the basics section beside the topic named.
    "没基础", "没有基础", "基础差", "基础不好", "基础薄弱", "基础为零",
    // Joining a lab, and using libraries without knowing them ("研一刚进组，我只会调包跑ResNet").
    "进组", "刚进组", "调包",
    // Where the asker comes from and which step they are at ("文科转行，第一步应该看什么").
    "转行", "转岗", "转专业", "文科", "文科生", "理科", "理科生", "第一步", "下一步",
    // Where to begin and what to catch up on first ("从哪下手", "dpo 之前先补 ppo").
    "下手", "先补", "补一下", "补补",
    // Chinese: where a step stands on the path ("学完 BERT 接下来该进阶到哪", "前置知识",
    // "哪篇最适合入门先读"): the order, never what the question is about. How long it takes
    // (周末, 一个月) stays content: "适合周末去的地方" asks for a trip.
    "接下来", "接着", "进阶", "衔接", "先后", "规划", "前置", "前置知识", "先读", "先学", "适合", "部分",
    "学完", "看完", "读完", "学会", "能学会", "搞明白", "方向", "往", "想往", "往哪", "读哪些", "读什么", "大概", "大致",
    "们", "组会", "汇报",
    // Who "we" are and how little the asker minds which link ("我们组要上 lmdeploy 了，文档啥的都行").
    "组", "我们组", "团队", "我们团队", "啥的", "什么的", "都行", "都可以", "都成",
    "领导", "老板", "几遍", "两遍", "三遍", "好几遍", "一步步", "一步一步", "几种", "哪几种",
    // Chinese: asking for the links themselves ("那一节的链接发我一下", "github地址多少", "通信相关的
    // 资料列一下"); 列 alone is a column ("先按列切再按行切").
    "链接", "连结", "网址", "地址", "发我", "发给我", "发一下", "贴一下", "列表", "列一下", "列个",
    "列下",
    // Chinese: "a bit" after a verb, and how often ("推荐点课程", "每次只给三个").
    "点", "多给", "每次", "一次", "每回",
    // Chinese: how much of an answer is wanted ("想学LoRA，只要一个链接就行，别一下子甩我一堆").
    "只要", "就行", "就好", "一下子", "甩我", "丢给我",
    // Chinese: counters ("那一节的三篇文章"; the pointers into the seed article are
    // SECTION_POINTERS_ZH); "the article" there is the seed, not a wish for articles
    // ("文章开头基础知识里").
    "个", "篇", "份", "那几个", "干货",
    // Chinese: which of a section's links, how many, listed or collected ("那一小节列了哪三个",
    // "训练加速技巧汇总").
    "那一小节", "这一小节", "哪三个", "哪两个", "哪几篇", "两个", "三个", "几篇", "列了", "列出", "放了", "那份",
    "列举", "提到", "提到了", "汇总", "合集", "大全", "总结", "梳理", "有点", "有点儿",
    // Chinese: all of it, none left out ("全部给我列出来！一个都不许漏").
    "全部列出来", "都列出来", "一个都不许漏", "一个都不能漏", "一个不漏", "不许漏", "别漏",
    "文章开头", "文章里", "文章里面", "文章中", "文中", "原文", "这篇文章", "那篇文章", "文章最后", "文章结尾",
    "开头", "结尾",
    // Chinese: postpositions of place and time ("知识蒸馏里的", "训练时").
    "里", "上", "时",
    // Chinese: a formal letter's courtesies, as learners and translation tools write to a
    // bot ("尊敬的机器人先生，您好！冒昧打扰，敬请提供……，不胜感激").
    "尊敬的", "先生", "女士", "冒昧", "冒昧打扰", "敬请", "恳请", "不胜感激", "万分感谢", "此致", "敬礼",
    "此致敬礼",
    // Chinese: apologies, thanks and greetings inside a question.
    "不好意思", "抱歉", "打扰", "打扰了", "弱弱", "弱弱地问", "谢谢", "多谢", "感谢", "感激", "感激不尽", "哈喽",
    "你好", "您好", "大家好", "各位好",
    // English: question frames.
    "what", "whats", "what's", "how", "hows", "why", "which", "who", "whom", "whose",
    "where", "when", "whether", "difference", "differences", "different", "differ", "diff",
    "compare", "compared", "comparison", "between", "explains", "explaining", "mean",
    "means", "meaning", "work", "works", "working", "way", "ways", "method", "methods", "trick",
    "tricks", "technique", "techniques", "approach", "approaches", "gentle", "eli5", "u", "ur",
    "steps", "order", "start", "started", "begin", "roadmap", "roadmaps", "pros", "cons",
    "better", "worse",
    // English: chat filler and politeness.
    "hey", "hi", "hello", "so", "please", "pls", "plz", "thanks", "thank", "anyone",
    "someone", "somebody", "can", "could", "would", "will", "shall", "should", "must",
    "might", "may", "do", "does", "did", "done", "doing", "is", "are", "was", "were", "be",
    "been", "being", "am", "im", "i'm", "ive", "get", "got", "gets", "getting", "give",
    "tell", "show", "teach", "write", "writes", "wrote", "point", "find", "know", "need", "needs", "needed", "want", "wants", "wanted",
    "like", "love", "looking", "look", "see", "try", "trying", "read", "reading",
    "understand", "understanding", "recommend", "recommended", "recommendation",
    "recommendations", "suggest", "suggestion", "suggestions", "good", "best", "great",
    "nice", "decent", "solid", "useful", "top", "simple", "simply", "easy", "quick",
    "quickly", "basic", "basics", "newbie", "newbies", "noob", "novice",
    "beginner-friendly", "friendly", "new", "still", "just", "only", "really", "actually",
    "honestly", "basically", "also", "too", "very", "much", "many", "more", "most", "less",
    "some", "any", "anything", "something", "everything", "stuff", "thing", "things",
    "kind", "sort", "lot", "lots", "bit", "little", "about", "regarding", "around", "help",
    "idea", "question", "questions", "ask", "asking", "there", "here", "well", "ok", "okay",
    "yes", "no", "not", "dont", "don't", "doesnt", "cant", "can't", "wont", "without",
    "sorry", "sry", "srry", "thx", "thnx", "tysm", "bother", "bothering", "dumb", "stupid", "silly", "even", "kinda", "sorta", "guys", "folks", "mate",
    "people", "anybody", "everybody", "everyone", "whatever", "literally", "appreciate",
    "appreciated", "advance", "cheers", "maybe", "perhaps", "probably", "already", "yet",
    "though", "anyway", "btw", "seems", "seem",
    // Having tried and failed to read something ("I've bounced off the arXiv version twice").
    "bounced", "twice",
    // Opinion, hype and rumour around a question ("is LoRA dead??", "genuinely asking",
    // "知识蒸馏现在还火吗", "真的假的"): how people talk about the field, not what they want to read.
    "genuinely", "legitimately", "sincerely", "frankly", "apparently", "supposedly", "allegedly",
    "reportedly", "hype", "hyped", "overhyped", "overrated", "underrated", "dead", "worth",
    "trending", "buzzword", "buzzwords", "hot", "hottest", "热门", "最火", "很火", "还火", "火吗", "凉了", "过时", "过时了", "过气", "假的", "真的假的",
    // A job ad's words for the skills it asks for ("任职要求：熟悉 DeepSpeed", "proficient in
    // vLLM"): why the asker wants the topic, not another topic.
    "familiar", "familiarity", "proficient", "proficiency", "required", "requirement",
    "requirements", "jd", "要求", "招聘要求", "任职要求", "熟悉", "精通", "掌握",
    // Getting ready for an interview or an exam ("interview prep", "qualifying exam 要考 model
    // compression"), and what the asker makes of the links ("出一套自测题", "列了一长串",
    // "对应的资料"): why one reads, not what about.
    "prep", "prepping", "prepped", "出题", "自测", "自测题", "一长串", "一大串", "对应",
    "exam", "exams", "qualifying", "考试", "要考",
    // A table to make of what is found ("做个对比表给领导看"): 对比 inside it compares nothing.
    "对比表", "对比表格", "对照表",
    // Order of learning, not a topic ("what should I read first", "code-first", "what comes
    // next", "prerequisites for ZeRO"). How long it takes (a week, a 12-week plan) stays
    // content, as in Chinese.
    "first", "next", "prerequisite", "prerequisites", "prereq", "prereqs", "finished", "finish",
    "comes", "touching",
    // Written Cantonese, as Hong Kong and Macau type it (after conversion to simplified
    // characters): question frames ("有冇", "点样", "边个", "系咪"), function words (嘅 的,
    // 啲 些, 佢 他, 唔 不, 咗 了, 喺 在, 嚟 来, 嘢 东西, 睇 看, 揾 找) and sentence particles.
    // "有冇 LoRA 嘅教学" found nothing: 嘅 weighed as the rarest word of the message. Single
    // characters only where Mandarin does not use them, so no mainland word is cut
    // differently; the few words Mandarin shares (好多, 好似, 一齐, 想知) are filler in both.
    // Here and in the blocks below, the particles and forms of address the small-talk table
    // holds (嘅, 㗎, 唔该, 大大, 感恩, lah, ah, sir, 家人们, xdm, fam, wait …) are stop words
    // through it (`smalltalk::chat_words`) and are not listed again.
    "有冇", "有冇人", "冇", "冇得", "点样", "点解", "点算", "边个", "边度", "边啲", "边种", "边样", "乜", "乜嘢",
    "咩", "咩嘢", "系咪", "系唔系", "唔系", "得唔得", "好唔好", "可唔可以", "识唔识", "知唔知", "使唔使",
    "想知", "想揾", "揾", "揾下", "睇", "睇下", "睇吓", "问吓", "试下", "呢啲", "呢种", "嗰个", "嗰啲", "嗰阵", "嗰阵时",
    "嗰种", "我哋", "你哋", "佢哋", "佢", "啲", "唔", "唔同", "咗", "喺", "嚟", "咁", "噉", "咁样", "噉样",
    "好似", "一齐", "真系", "好多", "嘢", "识用", "唔识", "啱", "啱啱", "而家",
    // Hong Kong's word for recommending ("有冇图解版推介"), as 推荐.
    "推介", "推介下",
    "依家", "宜家", "成日", "啩", "嘞", "啫", "啰", "喇", "吖", "噃", "哋",
    // Taiwan's chat words: forum politeness ("謝謝大大", "請益"), particles, and which track
    // the asker studied (文組, like 文科).
    "请益", "欸", "齁", "文组", "理组",
    // Singapore and Malaysia's particles ("got any guide one?", "can share or not lah"),
    // and the politeness of Indian English ("kindly share", "do the needful"; a "fresher" is
    // a new graduate, "new" as "newbie" is). Not "lor": typed alone, it is LoRA half typed.
    "meh", "hor", "liao", "sia", "mah", "wah", "walao", "aiyo",
    "aiyoh", "aiya", "aiyah", "alamak", "kindly", "needful", "maam", "fresher",
    "freshers",
    // The internet's voice, Chinese: forms of address (家人们, 宝子们, xdm for 兄弟们), asking
    // to be shown ("蹲一个", "求带", "插眼" to come back later, "白嫖" for free), memes and
    // pinyin initials (yyds, 绝绝子, 破防, awsl, zsbd, yysy, nsdd, dddd), and how a reader
    // judges what they read ("最清楚的是哪篇", "视频太长根本刷不完", "整理成笔记").
    "集美们", "姐妹们", "兄弟们", "jms", "老铁们", "谁懂啊", "谁懂",
    "蹲", "蹲一个", "求带", "带带", "白嫖", "插眼", "马克", "马克一下", "球球了", "救救", "救救孩子", "破防",
    "yyds", "绝绝子", "栓q", "蚌埠住了", "xswl", "awsl", "zsbd", "yysy", "nsdd", "dddd", "清楚", "最清楚",
    "整理", "整理成", "根本", "太长", "刷不完", "看不完", "刷完",
    // What a question is for, in the words of the institution asked from: a proof of
    // concept and its stages, a lecture or a training to prepare, an internship or a move
    // into programming ("文科转码，想找实习"), both sides of a comparison ("两边资料都要"), the
    // parts of the article's table of contents ("那一大块都分了哪些子主题"), and reading ahead
    // or revising for a session already set ("读书会定了读 LoRA 原论文，想先找点中文解读预习一下").
    "poc", "阶段", "两边", "都要", "讲座", "培训", "内部培训", "备课", "课件", "新人", "实习", "找实习", "秋招",
    "预习", "复习", "温习", "定了",
    "春招", "校招", "转码", "生态", "那一大块", "这一大块", "一大块", "这块", "那块", "子主题", "目录",
    // The same in English: "I keep hearing X in every job ad", "the simplest explanation".
    "keep", "keeps", "hearing", "heard", "job", "jobs", "career", "careers", "ad", "ads", "posting",
    "postings", "simplest", "easiest", "clearest", "youre", "now",
    // English: moving over from a neighbouring field ("want to move into LLMs", "transitioning
    // from recsys"): where the asker comes from, never what is asked.
    "move", "moving", "transition", "transitioning",
    // English: who says or mentions a thing, and the listener's nod ("someone on my team keeps
    // saying it", "every article mentions it and I just nod along"): hearsay about a word,
    // never what the word is.
    "say", "says", "saying", "said", "mention", "mentions", "mentioned", "mentioning", "talking",
    "nod", "nodding",
    // English: what caught the asker's eye ("just curious, saw langchain trending again"):
    // where they met the word, never what it is.
    "curious", "saw", "seen", "noticed", "spotted",
    // English: a paper's review, which says why one asks ("rebuttal: reviewer wants AdaLoRA
    // as a baseline"), never what about.
    "rebuttal", "rebuttals", "reviewer", "reviewers",
    // English: "customer-facing", "user-facing": who sees a product. Its stem is the "Face"
    // of Hugging Face, which it never means.
    "facing",
    // The internet's voice, English: shortenings ("w" for with, "ppl", "bc", "smth",
    // "tl;dr"), Gen-Z and Reddit slang ("ngl", "lowkey", "no cap", "bruh", "who's got the
    // sauce", "this slaps", "way too thicc"), and "complete" as in "complete noob".
    "w", "ppl", "bc", "cuz", "coz", "smth", "sth", "rly", "fr", "lowkey", "highkey", "cap", "bruh",
    "gonna", "wanna", "gotta", "tryna", "yall", "ya", "yeah", "yep", "nah",
    "tl", "dr", "tldr", "mods", "throwaway", "sauce", "slaps", "goated", "thicc", "complete",
    // English: asides about where a question stands or what a thing is called ("the part
    // about clusters", "what is the name of this technique", "the right way", "in this
    // field"): they never name a topic.
    "part", "parts", "name", "called", "right", "inside", "field", "fields",
    // English: chat abbreviations, the same filler shortened.
    "tbh", "imo", "imho", "idk", "ngl", "fyi", "afaik", "iirc", "fwiw", "asap", "lol", "lmao",
    "omg", "tho", "rn", "smh",
    // Taking it easy while reading ("想 chill chill 睇下 Transformer", "chill weekend read").
    "chill", "chilling",
    // Chat's interjections and a thread's markers: a bow (orz), crying faces typed in letters
    // (QAQ, TAT, QwQ), "bump" to lift a thread, and 提问 heading a question ("[提问] lora 怎么调参").
    "orz", "qaq", "qwq", "tat", "bump", "bumping", "提问",
    // English: what a speaker says while thinking, as voice input writes it down ("um, so…").
    "um", "umm", "uh", "uhh", "uhm", "erm", "hmm", "hmmm",
    // English: "figure this out", "figure out how".
    "figure",
    // English: how the asker feels about what they read, never what it is about.
    "confuse", "confuses", "confused", "confusing", "overwhelmed", "overwhelming",
    // English: adverbs of degree, time and attitude, and idioms ("under the hood", "in a
    // nutshell"): they colour a question, never name what it is about.
    "totally", "completely", "entirely", "exactly", "eventually", "finally",
    "usually", "typically", "generally", "mostly", "mainly", "normally", "ideally",
    "preferably", "preferred", "prefer", "hopefully", "definitely", "certainly", "obviously", "clearly", "truly",
    "seriously", "absolutely", "personally", "specifically", "particularly", "especially",
    "currently", "recently", "lately", "nowadays", "fairly", "pretty", "quite", "rather",
    "somewhat", "roughly", "nearly", "almost", "barely", "hardly", "merely", "slightly",
    "extremely", "incredibly", "super", "hood", "nutshell", "never", "ever", "once",
    // English: where and how a resource is read or who it is for, never what it is about
    // ("a course with the lectures online", "I've never studied NLP").
    "online", "study", "studied", "studying",
    // English: when and how urgently ("help!! presenting this tomorrow").
    "today", "tomorrow", "tonight", "yesterday", "asap", "urgent", "urgently",
    // The day it is due ("my advisor wants me to present it thursday"); a weekend stays
    // content, as 周末 does.
    "monday", "tuesday", "wednesday", "thursday", "friday",
    "周一", "周二", "周三", "周四", "周五", "星期一", "星期二", "星期三", "星期四", "星期五",
    // The holiday wished ("Happy Diwali! is there …", "merry xmas, quick q"). The Chinese wishes
    // (生日快乐, 中秋快乐) are stop words through the small-talk table; its phrases of several
    // words ("merry christmas") are not, so their words are listed here.
    "happy", "merry", "christmas", "xmas", "diwali", "thanksgiving", "eid", "birthday", "bday",
    // English: the story around a question ("my boss asked me and I froze", "a crazy quarter
    // with deadlines everywhere", "third year of my PhD, frustrated"): who asked, when, and
    // how the asker felt. Narration, never a topic nor a thing asked for.
    "boss", "advisor", "supervisor", "导师", "asked", "year", "touched", "froze", "frustrated", "panicking", "crazy",
    "deadlines", "everywhere", "carve", "somewhere",
    // The workday around a question ("PM asked in standup and I realized I have no idea").
    "standup", "standups", "pm", "realized", "realised",
    // English: "one" as a pronoun ("a random one", "the tiny one", "which one"), and asides
    // ("random question", "do you have it handy").
    "one", "ones", "random", "handy",
    // English: setting a tool up ("vllm config options", "how to configure lora"): how, not
    // what about. The word table lacks "config" and "hyperparameters", which would otherwise
    // weigh as rare words.
    "config", "configs", "configuration", "configurations", "configure", "configuring",
    "configured", "setup", "settings", "options", "flags", "params", "hyperparams", "hyperparameter",
    "hyperparameters", "args", "install", "installs", "installing", "installed", "installation",
    // English: asking for the links themselves ("what does the article list under …").
    "link", "links", "url", "urls", "send", "sent", "sending", "list", "lists", "listed", "under",
    // English: function words, and what is left of contractions ("what's" → "what" "s").
    "s", "t", "m", "d", "ll", "ve", "re",
    // The verb of an "n't" contraction ("won't fit" → "won" "t").
    "doesn", "didn", "won", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "couldn",
    "shouldn", "wouldn",
    "a", "an", "the", "of", "for", "in", "on", "to", "with", "from", "by", "at", "as",
    "into", "onto", "over", "than", "then", "that", "this", "these", "those", "it", "its", "it's",
    "me", "i", "my", "mine", "we", "us", "our", "you", "your", "they", "them", "their",
    "he", "she", "his", "her", "if", "but", "because", "while", "both", "each", "every",
    "other", "else", "own", "same", "such", "via", "have", "has", "had", "having", "use",
    "using", "used", "make", "making",
    // Asking for the why and the math: what the asker felt, did not follow, or wants shown
    // ("感觉是个小细节", "OBS 那套我看不懂", "背后的直觉", "want the math, any pointers").
    "在读", "感觉", "背后", "看不懂", "一上来", "上来就", "看着", "啃", "就啃", "硬啃", "啃不动", "啃不下来", "讲起", "没看懂", "没弄懂", "卡住", "卡在", "小细节", "一大坨", "怎么来的",
    "mathematically", "analogy", "pointers",
    // Asking for it by analogy or an everyday example ("用比喻讲讲", "打个比方", "能不能用生活里的例子
    // 讲讲", "any good metaphor for it"): a way of explaining, never what about. 举例 stays a
    // word: a lecturer is known by the examples he gives ("拿宝可梦举例的教授").
    "比喻", "打比方", "打个比方", "比方", "类比", "生活中", "生活里", "日常生活", "大白话", "analogies",
    "metaphor", "metaphors",
    // Still not following, and asking for more ("还是没懂 NCCL，谢谢", "谢谢，再来几篇 NCCL 的"): the
    // asker's state and a wish for more, never what is asked about, so thanks around them
    // are not all the message says.
    "没懂", "不懂", "没搞懂", "搞不懂", "不太懂", "再来", "再来点", "再来些", "再要", "还要",
    // "顺手再要一个 Unsloth 的链接": while at it, as 顺便 says.
    "顺手",
    // How the asker feels while asking: stuck, afraid of falling behind, rushed, thrilled,
    // embarrassed ("怕被淘汰，想补一下推理部署这块", "西瓜书的公式推导看得我想哭", "剛入坑有點興奮",
    // "公司老项目逼我用 不想学但没办法"). The feeling, never what is asked about.
    "怕", "怕被淘汰", "淘汰", "焦虑", "紧张", "兴奋", "有点兴奋", "激动", "入坑", "刚入坑", "逼我", "逼",
    "没办法", "不想学", "想哭", "哭", "哭了", "看哭", "砸电脑", "想砸电脑", "心态", "心态崩了", "崩溃", "头大",
    "头疼", "好烦", "烦", "好累", "绝望", "别笑我", "被笑", "丢人", "太笨", "笨", "想补", "补一下",
    "补补", "看得", "看得我", "简明", "配套", "能看完的", "十分钟能看完", "几分钟能看完", "五分钟能看完", "十分钟看完",
    // How people talk around a question ("emmm 说实话我对 LangChain 一直有偏见", "听说李宏毅老师的课
    // 是入门天花板", "那一节列了一大堆，现在真正主流的是哪几个"): hesitation, honesty, slang for the
    // best, "a big pile", "really mainstream". Not 但 or 一堆, each of which cost a tune case.
    "emm", "emmm", "emmmm", "说实话", "偏见", "有偏见", "觉得", "那就学吧", "天花板", "补课", "补补课", "一大堆",
    "真正", "主流", "哪几个", "short", "shorter",
    "feel", "feels", "feeling", "felt", "drowning", "exhausted", "tired", "burnt", "burned",
    "burnout", "ugh", "ughh", "argh", "sigh", "pinged", "anxious", "nervous", "scared", "afraid",
    "embarrassed", "excited", "thrilled", "proud", "stressed", "stressing", "heyyy", "heyy",
    // Wishing the bot well before asking ("hope your day is going better than mine"), and
    // where a write-up may be ("anywhere").
    "going", "day", "mine", "anywhere",
    // Words of any sentence that name nothing ("what actually happens during pretraining",
    // "do NVMe SSDs matter", "everyone is suddenly talking about LLMs", "先谢过了").
    "during", "happens", "happen", "happened", "happening", "matter", "matters", "suddenly",
    "usual", "according", "instead", "assume", "assumes", "谢过", "先谢过了", "先谢过",
    // Where the asker stands and why they hurry ("total noob here", "2 weeks before my
    // internship", "so I don't embarrass myself in the first seminar"), as 实习 is in Chinese.
    "total", "unless", "internship", "internships", "intern", "interns", "cram", "cramming",
    "myself", "embarrass", "embarrassing", "don", "seminar", "seminars",
    // Pointing back at what the bot sent and how it fared ("第二个链接打不开。。NCCL 还有别的资料吗",
    // "second link is dead"): which answer, never what is asked about.
    "第一个", "第二个", "第三个", "第一篇", "第二篇", "第三篇", "第一条", "第二条", "第三条",
    "打不开", "点不开", "打不开了", "点不开了", "失效", "失效了",
    // Making a list or a plan ("a checklist for our team's Q3 plan", "AWQ 原论文，
    // 放在论文清单第 7 篇", "我們在排下季度讀書會的書單"): where the item stands in it, never what
    // it is about. Not 路线 or "roadmap": a path from the start asks for the starting points.
    "checklist", "todo", "q1", "q2", "q3", "q4", "清单", "书单", "读书会",
    "季度", "下季度", "本季度", "放在", "排", "原",
    // Settling a bet ("my coworker insists FlashAttention is an approximation, I bet him lunch",
    // "舍友非说…我跟他打赌"): who claimed what, never what is asked about.
    "insists", "insisted", "insisting", "bet", "非说", "打赌",
    // Collecting links for readers ("for the discord pins", "这期主题定了 LoRA"): where the links
    // go, never what they are about.
    "pins", "pinned", "这期", "本期", "下期",
    // Asking in a classical or courtly voice ("此法何名", "二者孰优孰劣，愿闻高论", "可有图解之文",
    // "Pray tell, where ought a novice begin?"): the particles, pronouns and question frames
    // of 文言 and of old English, never what is asked about.
    "之", "而", "其", "乎", "哉", "矣", "焉", "吾", "孰", "皆", "欲", "亦", "乃", "敢问", "愿闻",
    "高论", "可有", "何名", "何如", "何以", "何在", "安在", "何处", "此法", "二者", "孰优孰劣",
    "之学", "之作", "之文", "之法", "良材", "良策", "求教", "赐教", "指教", "不吝赐教",
    "hath", "doth", "dost", "thee", "thou", "thy", "thine", "ye", "pray", "prithee", "humbly",
    "ought", "betwixt", "whence", "wherefore", "hither", "verily", "perchance", "tis", "twas",
    // Office jargon around a request (互联网黑话: "打一套组合拳", "想把 IO 优化这个点吃透，形成自己的
    // 方法论", "we're leveraging llama.cpp"): how a workplace talks, never what is asked about.
    // Not 对齐 (alignment), 落地 (deployment) or 打通 and 链路, which name things here.
    "赋能", "抓手", "闭环", "形成闭环", "颗粒度", "底层逻辑", "方法论", "组合拳", "拉通", "吃透", "抓牢",
    "leverage", "leveraging", "leveraged", "synergy", "synergies",
    // The function words, question frames and politeness of Spanish, Portuguese, French,
    // German and Italian, which engineers from Europe and Latin America mix into English or
    // write around English terms ("Kann mir jemand FlashAttention erklären?", "Boa tarde!
    // Quero aprender reinforcement learning do zero"). Each weighed as a rare word, so a
    // message naming a topic went unanswered. Left out: words that are catalogue words or can
    // name something in English chat ("mit", "ist", "die", "tag", "ver", "sin", "per", "ci",
    // "vi", "plus", "comment"), single letters, and the four whose stop cost a case ("ton" in
    // "thanks a ton", "ho" in "HO scale", "est" as in 3pm EST, "se").
    // Spanish.
    "del", "las", "los", "el", "una", "unos", "unas", "por", "para", "qué", "que", "como",
    "cómo", "cuál", "cual", "cuáles", "cuales", "dónde", "donde", "cuando", "cuándo", "porque",
    "está", "esta", "están", "estan", "hay", "tengo", "tiene", "tienen", "quiero", "quisiera",
    "necesito", "busco", "buscamos", "puedo", "puede", "pueden", "podría", "podria", "alguien",
    "algún", "algun", "alguna", "algo", "mis", "te", "nos", "su", "sus", "le", "les", "al",
    "muy", "más", "mas", "pero", "también", "tambien", "sobre", "entre", "buenos",
    "buenas", "días", "dias", "tardes", "noches", "favor", "entender", "explicar", "saber",
    "hacer", "funciona", "este", "esto", "estos", "estas", "ese", "esa", "eso",
    // Portuguese.
    "da", "dos", "na", "nas", "uma", "umas", "com", "sem", "pra", "onde", "quando", "é", "são",
    "estão", "tem", "têm", "tenho", "quero", "queria", "preciso",
    "procuro", "posso", "pode", "podem", "alguém", "alguem", "algum", "meu", "minha", "meus",
    "minhas", "você", "voce", "vocês", "voces", "seu", "sua", "muito", "também", "já", "oi",
    "olá", "ola", "bom", "boa", "dia", "tarde", "noite", "fazer", "isso", "isto", "esse",
    "essa", "mesmo", "mostre", "mostra", "mostrar", "tudo", "seção", "secao", "possível",
    "possivel", "rodar",
    // French.
    "une", "des", "du", "au", "aux", "et", "ou", "dans", "avec", "sans", "pour", "qui", "quoi",
    "où", "quand", "pourquoi", "sont", "il", "elle", "ils", "nous", "vous", "je", "moi", "mon",
    "mes", "votre", "vos", "leur", "ce", "cette", "ces", "cet",
    "très", "tres", "mais", "aussi", "déjà", "deja", "sur", "bonsoir", "salut", "svp",
    "comprendre", "expliquer", "savoir", "faire", "fonctionne", "partie", "donner", "pouvez",
    "peux", "peut", "quelqu", "quelque", "chose", "lequel", "laquelle", "mieux", "principaux",
    // German.
    "der", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer", "und", "oder",
    "aber", "nicht", "kein", "keine", "ohne", "für", "fur", "von", "zu", "zum", "zur", "auf",
    "aus", "bei", "nach", "über", "unter", "ins", "sind", "hat", "habe", "haben", "gibt",
    "ich", "mir", "mich", "dir", "wir", "uns", "ihr", "sie", "es", "mein", "meine", "wie",
    "warum", "wo", "wann", "welche", "welcher", "welches", "kann", "können", "konnen",
    "könnte", "jemand", "etwas", "bitte", "guten", "morgen", "abend", "zusammen", "vielen",
    "dank", "verstehen", "verstehe", "erklären", "erklaren", "wissen", "machen",
    "funktioniert", "dieser", "diese", "dieses", "auch", "noch", "schon", "sehr", "mehr", "nur",
    "richtig", "unterschied", "ja",
    // Italian.
    "gli", "uno", "di", "della", "dei", "delle", "dal", "con", "tra", "fra", "che", "dove",
    "perché", "perche", "sono", "abbiamo", "voglio", "vorrei", "cerco", "puoi", "può",
    "qualcuno", "qualche", "qualcosa", "mio", "mia", "miei", "mie", "ti", "molto", "più",
    "anche", "già", "buongiorno", "buonasera", "capire", "spiegare", "sapere", "fare", "questo",
    "questa", "questi", "quello", "quella", "non", "complicato",
];

/// Words that make a query a comparison ("区别", "vs", "which is better"): its concepts are
/// split at every link, however long their phrases.
#[rustfmt::skip]
const COMPARISONS: &[&str] = &[
    "vs", "versus", "against", "还是", "对比", "比较", "相比", "对照", "区别", "比", "不同", "差别", "差异",
    "异同", "优缺点", "优劣", "哪个好", "选哪个", "哪个", "差在哪", "差在哪里", "差在哪儿", "difference", "differences", "different",
    "differ", "diff", "compare", "compared", "comparison", "better", "worse", "or",
];

/// Question words: a phrase holding one is a clause, not an item of a list.
#[rustfmt::skip]
const QUESTIONS: &[&str] = &[
    "what", "whats", "how", "why", "which", "where", "when", "who", "怎么", "怎样", "如何", "为什么",
    "为啥", "什么", "啥", "哪", "哪里", "谁", "是否", "是不是", "能不能", "干嘛", "干啥",
];

/// Words that make an English clause a question when it opens with them (after a filler or
/// two: "also, how do I …", "btw can you …").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "can", "could", "is", "are", "do", "does", "did", "should", "would", "will", "any", "anyone",
];

/// English that announces the question after it ("different question: what's a good intro to
/// distillation", "totally unrelated q, how do I …"): the question opens after them.
#[rustfmt::skip]
const ANNOUNCING_A_QUESTION: &[&str] = &[
    "different", "another", "other", "new", "unrelated", "separate", "quick", "random", "side",
    "question", "q", "topic", "totally", "completely", "entirely", "one", "more", "also",
];

/// English that requests near the start of a message: "pls i need a GPTQ explainer",
/// "looking for a LoRA tutorial", "send me the vLLM docs". A request asks as a question does.
#[rustfmt::skip]
const REQUESTING: &[&str] = &[
    "need", "want", "please", "pls", "plz", "looking", "recommend", "suggest", "send", "show",
    "give", "find",
];

/// Chinese that asks wherever it stands: question words, the particle 吗, "may I ask",
/// "is there", "I'd like to ask", "help me (do)", "please recommend".
#[rustfmt::skip]
const ASKING_ZH: &[&str] = &[
    "吗", "请问", "有没有", "想问", "问下", "问一下", "帮我", "帮忙", "求推荐", "求助",
    "几点", "多少",
    "想找", "找点", "再找", "想学", "想了解", "求一", "求个", "求份", "求几", "求点",
    // A request to recommend ("麻烦推荐下"), not thanks for one ("谢谢推荐").
    "推荐下", "推荐一下", "推荐几", "推荐个", "推荐点", "麻烦推荐",
];

/// Whether a piece of a message asks something, given its units (Latin words, single
/// ideographs): an English question opens within its first two words with a question word
/// or an auxiliary ("btw how do I reset my router"); Chinese asks anywhere ("下雨天穿什么好").
/// "that's exactly what I needed" opens with neither, and asks nothing.
pub fn asks(units: &[&str]) -> bool {
    let opens = units
        .iter()
        .filter(|u| u.is_ascii())
        .skip_while(|u| ANNOUNCING_A_QUESTION.contains(u))
        .take(2)
        .any(|u| is_question(u) || OPENERS.contains(u));
    let requests = units
        .iter()
        .filter(|u| u.is_ascii())
        .take(3)
        .any(|u| REQUESTING.contains(u));
    let han: String = units.iter().filter(|u| !u.is_ascii()).copied().collect();
    let han_asks = QUESTIONS
        .iter()
        .chain(ASKING_ZH)
        .any(|q| !q.is_ascii() && han.contains(q));
    opens || requests || han_asks
}

/// True for a question word ("how", "怎么").
pub fn is_question(word: &str) -> bool {
    QUESTIONS.contains(&word)
}

/// True for a word that makes a query a comparison.
pub fn is_comparison(word: &str) -> bool {
    COMPARISONS.contains(&word)
}

/// Classifies one normalised query word.
pub fn role(word: &str) -> Role {
    match roles().get(word) {
        Some(&role) => role,
        None if is_clock_time(word) || is_time_spent(word) || compares_a_filler(word) => Role::Stop,
        None => Role::Content,
    }
}

/// Whether a word is the comparative or superlative of an adjective that says nothing
/// ("the gentlest intro", "something simpler", "easiest way"): it says as little.
fn compares_a_filler(word: &str) -> bool {
    // Only letters are compared, and the byte slicing below stays on character boundaries.
    if !word.is_ascii() {
        return false;
    }
    let filler = |base: &str| roles().get(base) == Some(&Role::Stop);
    let y_filler = |stem: &str| filler(&format!("{stem}y"));
    // "clearest", "easiest", "biggest"; not "forest", whose "for" is no adjective.
    let superlative = word
        .strip_suffix("est")
        .filter(|stem| stem.len() >= 4)
        .is_some_and(|stem| {
            let undoubled = stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
            filler(stem)
                || stem.strip_suffix('i').is_some_and(y_filler)
                || undoubled && filler(&stem[..stem.len() - 1])
        });
    // "gentler", "simplest": an adjective in -le takes -r and -st.
    let after_le = |ending: &str| {
        word.strip_suffix(ending)
            .is_some_and(|stem| stem.ends_with("le") && filler(stem))
    };
    // A plain -er is mostly one who does ("teacher", "user"): only the -ier of a -y
    // adjective ("easier") is taken for a comparative.
    superlative || word.strip_suffix("ier").is_some_and(y_filler) || after_le("r") || after_le("st")
}

/// A time of day as people type it ("boss pinged me at 11pm", "up since 3am"): when the asker
/// asks, never what about.
fn is_clock_time(word: &str) -> bool {
    word.strip_suffix("am")
        .or_else(|| word.strip_suffix("pm"))
        .is_some_and(|hour| {
            (1..=2).contains(&hour.len()) && hour.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Time spent as a study plan counts it ("每天 2h 看课", "30min a day"): how long, never
/// what about. Days stay out: "3d" is 3D parallelism.
fn is_time_spent(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    is_duration(&word[..digits], &word[digits..])
}

/// A number of up to three digits and a unit of time, glued together ("30min a day", as
/// [`role`] reads one word) or written apart ("a 40 min video", "2 hours a day"; see
/// `expand::durations`).
pub fn is_duration(number: &str, unit: &str) -> bool {
    (1..=3).contains(&number.len())
        && is_number(number)
        && matches!(
            unit,
            "h" | "hr" | "hrs" | "hour" | "hours" | "min" | "mins" | "minute" | "minutes"
        )
}

/// True for a word of digits only ("3090", "2").
pub fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// True for a word that names nothing to look for: a stop, intent, language or link word.
pub fn is_filler(word: &str) -> bool {
    role(word) != Role::Content
}

/// True for a word that adds nothing to what a text means, for the word vectors: a language
/// asked for is no topic to look for, but a text about Chinese NLP or a Chinese handbook
/// means something a text without the word does not.
pub fn is_filler_in_meaning(word: &str) -> bool {
    !matches!(role(word), Role::Content | Role::Language(_))
}

/// Fewest letters of a word read as a slip of a filler word ([`slipped_role`]): shorter
/// words are one letter from too many others.
const SLIP_LETTERS: usize = 5;

/// The role of the filler word `letters` is one slip from — a letter dropped, added or
/// changed, or two swapped ("explian", "recommnd", "pleaze") — for words of
/// five letters or more; the caller asks only for words nothing else knows.
pub fn slipped_role(letters: &str) -> Option<Role> {
    if !letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if letters.len() == SWAP_LETTERS {
        return swapped_role(letters);
    }
    if letters.len() < SLIP_LETTERS {
        return None;
    }
    let slips = Slips::get();
    // Two words one slip apart share a spelling with at most one letter left out (the
    // symmetric-delete idea): only the fillers filed under one of `letters`' are compared.
    with_one_left_out(letters)
        .flat_map(|spelling| slips.by_spelling.get(latin_key(&spelling, None)))
        .map(|&i| slips.fillers[i])
        .find(|(w, _)| strsim::osa_distance(w, letters) == 1 && !agent_of(w, letters))
        .map(|(_, role)| role)
}

/// Letters of the shorter fillers read through one slip, two neighbours swapped ("mcuh",
/// "waht", "jsut"): a swap keeps every letter, so it is far rarer among real words than the
/// other slips are at this length.
const SWAP_LETTERS: usize = 4;

/// The role of the four-letter filler `letters` is two neighbouring letters swapped from.
fn swapped_role(letters: &str) -> Option<Role> {
    static SWAPPED: OnceLock<HashMap<String, Role>> = OnceLock::new();
    SWAPPED
        .get_or_init(|| {
            let mut swapped = HashMap::new();
            for (word, role) in with_roles() {
                if word.len() != SWAP_LETTERS || !word.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                for i in 1..SWAP_LETTERS {
                    let mut bytes = word.as_bytes().to_vec();
                    bytes.swap(i - 1, i);
                    if let Ok(spelling) = String::from_utf8(bytes) {
                        swapped.entry(spelling).or_insert(role);
                    }
                }
            }
            // No spelling here that is itself a lexicon word needs taking out: the caller asks
            // only for content words nothing else knows.
            swapped
        })
        .get(letters)
        .copied()
}

/// Whether `letters` is the noun of one who does what the filler `filler` says done:
/// "recommender" beside "recommended" is a field ("recommender systems"), not a slip.
fn agent_of(filler: &str, letters: &str) -> bool {
    filler.strip_suffix("ed").is_some_and(|stem| {
        letters
            .strip_suffix("er")
            .or_else(|| letters.strip_suffix("ers"))
            == Some(stem)
    })
}

/// The Latin filler words of [`SLIP_LETTERS`] letters or more, filed under themselves and
/// under every spelling with one letter left out; built the first time a word is checked.
struct Slips {
    fillers: Vec<(&'static str, Role)>,
    /// The fillers by a hash of each such spelling ([`latin_key`]), not by the spellings
    /// themselves: some 9,000 strings and vectors of one item were half a megabyte, and a
    /// collision only brings one more filler to compare.
    by_spelling: Filed<u64>,
}

impl Slips {
    fn get() -> &'static Slips {
        static SLIPS: OnceLock<Slips> = OnceLock::new();
        SLIPS.get_or_init(|| {
            let fillers: Vec<(&'static str, Role)> = with_roles()
                .filter(|(w, _)| {
                    w.len() >= SLIP_LETTERS && w.bytes().all(|b| b.is_ascii_lowercase())
                })
                .collect();
            let mut keyed = Vec::new();
            for (i, (w, _)) in fillers.iter().enumerate() {
                let mut keys: Vec<u64> = with_one_left_out(w)
                    .map(|spelling| latin_key(&spelling, None))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keyed.extend(keys.into_iter().map(|key| (key, i)));
            }
            Slips {
                fillers,
                by_spelling: Filed::new(keyed),
            }
        })
    }
}

/// An ASCII word as written, then with each of its letters left out in turn.
fn with_one_left_out(word: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(word.to_owned())
        .chain((0..word.len()).map(move |i| [&word[..i], &word[i + 1..]].concat()))
}

/// The role of a Chinese lexicon word typed as its pinyin in Latin letters ("jiaocheng" →
/// 教程, "zenme" → 怎么), for letters that are no word of their own: the caller asks only
/// for words neither the catalogue nor the word table knows ("women" is an English word
/// before it is 我们).
pub fn typed_role(letters: &str) -> Option<Role> {
    static TYPED: OnceLock<HashMap<String, Role>> = OnceLock::new();
    TYPED
        .get_or_init(|| {
            let mut typed = HashMap::new();
            for (word, role) in with_roles() {
                if !word.is_ascii() && word.chars().nth(1).is_some() {
                    for key in pinyin::typed(word) {
                        typed.entry(key).or_insert(role);
                    }
                }
            }
            typed
        })
        .get(letters)
        .copied()
}

/// English words that point at a section of the article, as whole words ("the compilation
/// section"); they name no topic themselves.
pub const SECTION_POINTERS: &[&str] = &["section", "sections", "subsection", "chapter", "chapters"];
/// Chinese words that point at a section of the article ("那一节", "这一章"), found anywhere in
/// the message by [`super::section`]; they name no topic themselves.
pub const SECTION_POINTERS_ZH: &[&str] = &[
    "那一节",
    "这一节",
    "一节",
    "小节",
    "章节",
    "那部分",
    "这部分",
    "那一部分",
    "这一部分",
    "那一栏",
    "这一栏",
    "一栏",
    "那一章",
    "这一章",
    "板块",
    // 块 alone is a card's or a board's measure word ("这块卡"); a whole block is a section.
    "那一块",
    "这一块",
    "一整块",
];

/// Every lexicon word with its role, looked up for each word of every query and of every
/// catalogue text; where a word is in several lists, intents win over links, links over stop
/// words.
fn roles() -> &'static HashMap<&'static str, Role> {
    static ROLES: OnceLock<HashMap<&'static str, Role>> = OnceLock::new();
    ROLES.get_or_init(|| {
        let mut roles = HashMap::new();
        for (word, role) in with_roles() {
            roles.entry(word).or_insert(role);
        }
        roles
    })
}

/// Every lexicon word with its role, intents first, then links, then stop words.
fn with_roles() -> impl Iterator<Item = (&'static str, Role)> {
    let intents = INTENTS.iter().map(|&(w, kinds)| (w, Role::Intent(kinds)));
    let languages = LANGUAGES.iter().map(|&(w, lang)| (w, Role::Language(lang)));
    let links = LINKS.iter().map(|&w| (w, Role::Link));
    let stops = STOPS
        .iter()
        .chain(RULING_OUT)
        .chain(ASKING_FOR_OTHERS)
        .chain(ALTERNATIVES)
        .chain(RULING_OUT_KINDS)
        .chain(RULED_OUT_BEFORE)
        .chain(SECTION_POINTERS)
        .chain(SECTION_POINTERS_ZH)
        .map(|&w| (w, Role::Stop));
    let chat = smalltalk::chat_words().map(|w| (w, Role::Stop));
    intents
        .chain(languages)
        .chain(links)
        .chain(stops)
        .chain(chat)
}

/// Every Chinese lexicon word: the segmenter needs them so intent and stop words split off
/// instead of gluing onto topic words.
pub fn cjk_words() -> impl Iterator<Item = &'static str> {
    with_roles().map(|(w, _)| w).filter(|w| is_cjk_word(w))
}

/// Whether a word is one for the segmenter's dictionary: Chinese, of two characters or more
/// (single ideographs are the segmenter's fallback already).
pub fn is_cjk_word(word: &str) -> bool {
    !word.is_ascii() && word.chars().count() >= 2
}

/// Single ideographs that name nothing to look for ("有", "的", "想", "和"): where a word
/// could start on one or right after it, the segmenter prefers the word after it.
pub fn cjk_light_chars() -> impl Iterator<Item = char> {
    with_roles().filter_map(|(w, _)| {
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_ascii() => Some(c),
            _ => None,
        }
    })
}

/// Single ideographs that link concepts ("和", "与"); the segmenter keeps them.
pub fn cjk_link_chars() -> impl Iterator<Item = char> {
    LINKS.iter().filter_map(|w| {
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_ascii() => Some(c),
            _ => None,
        }
    })
}

/// How well a resource in `lang` suits a language asked for: fully in it, half when the page
/// has several languages; 0 for a word that asks for none.
pub fn language_preference(role: Role, lang: Lang) -> f32 {
    match role {
        Role::Language(wanted) if wanted == lang => 1.0,
        Role::Language(_) if lang == Lang::Multi => 0.5,
        _ => 0.0,
    }
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
    fn a_filler_compared_is_a_filler() {
        for word in [
            "gentlest", "gentler", "simplest", "simpler", "easier", "shortest",
        ] {
            assert_eq!(role(word), Role::Stop, "{word}");
        }
        for word in ["user", "teacher", "forest", "tester", "x耀est"] {
            assert_eq!(role(word), Role::Content, "{word}");
        }
    }

    #[test]
    fn a_slip_in_a_filler_word_is_that_word() {
        assert_eq!(slipped_role("explian"), Some(role("explain")));
        assert_eq!(slipped_role("recommnd"), Some(role("recommend")));
        assert_eq!(slipped_role("pleaze"), Some(role("please")));
        assert_eq!(slipped_role("expalin"), Some(role("explain")));
        // Too short to tell, two slips away, a word of its own, or not letters.
        assert_eq!(slipped_role("hwo"), None);
        // One who recommends is no slip of "recommended".
        assert_eq!(slipped_role("recommender"), None);
        assert_eq!(slipped_role("recommenders"), None);
        assert_eq!(slipped_role("exxplian"), None);
        assert_eq!(slipped_role("quantisation"), None);
        assert_eq!(slipped_role("解释一下"), None);
    }

    #[test]
    fn european_function_words_name_nothing() {
        for w in [
            "kann", "mir", "jemand", "warum", "quero", "algum", "vous", "les", "della", "qualcuno",
        ] {
            assert_eq!(role(w), Role::Stop, "{w}");
        }
        // Their words for a kind of resource are intents, as the English ones are.
        assert_eq!(role("guida"), role("guide"));
        assert_eq!(role("código"), role("code"));
        // Words that mean something in English chat stay content (3pm EST, HO scale, per GPU,
        // a CI pipeline, thanks a ton, MIT, a chip's die), and "se", whose stop lost a case.
        for w in ["est", "ho", "per", "ci", "ton", "se", "mit", "die"] {
            assert_eq!(role(w), Role::Content, "{w}");
        }
    }

    #[test]
    fn four_letters_slip_only_by_a_swap() {
        assert_eq!(role("much"), Role::Stop);
        assert_eq!(slipped_role("mcuh"), Some(Role::Stop));
        assert_eq!(slipped_role("waht"), Some(role("what")));
        // A letter changed is too common among real four-letter words, and so is a letter
        // dropped from or added to a shorter filler.
        assert_eq!(slipped_role("mich"), None);
        assert_eq!(slipped_role("wht"), None);
    }

    #[test]
    fn what_asks_and_what_does_not() {
        let units = smalltalk::units;
        for t in [
            "btw how do i reset my router",
            "can you translate this",
            "下雨天穿什么好",
            "周末去爬山吗",
            "pls pls pls i need a gptq explainer",
            "looking for a lora tutorial",
            // "is there …", "I'd like to ask …" ask wherever they stand.
            "想问下量化这块有没有比较全的综述",
            // The question after its announcement.
            "different question what s a good intro to distillation",
            "totally unrelated q how do i train my dog",
        ] {
            assert!(asks(&units(t)), "{t}");
        }
        for t in [
            "that s exactly what i needed",
            "第一次用这个机器人",
            "doing today",
        ] {
            assert!(!asks(&units(t)), "{t}");
        }
    }

    #[test]
    fn chat_abbreviations_and_feelings_are_filler() {
        // "the official docs confuse me tbh" says how the asker feels, not what about.
        for w in [
            "tbh",
            "imo",
            "idk",
            "lol",
            "confuse",
            "confusing",
            "overwhelmed",
            "sry",
            "thx",
        ] {
            assert!(is_filler(w), "{w}");
        }
        // Asking the bot to write or teach says what to do, not what about, as "show" does:
        // "write quicksort in python" is no match for a title's "Writing Distributed …".
        for w in ["write", "teach", "show"] {
            assert!(is_filler(w), "{w}");
        }
        // Not "lost": "my transformer toy lost an arm" would be a catalogue word with filler.
        assert!(!is_filler("lost"));
        // Feelings in Chinese and English, and when the asker was pinged.
        for w in [
            "怕被淘汰",
            "想哭",
            "兴奋",
            "逼我",
            "feel",
            "exhausted",
            "pinged",
            "11pm",
            "3am",
        ] {
            assert!(is_filler(w), "{w}");
        }
        // A clock time is one or two digits before am/pm; a word that merely ends so is not.
        for w in ["123pm", "pm", "spam", "xam"] {
            assert!(!is_clock_time(w), "{w}");
        }
    }

    #[test]
    fn intent_words_prefer_kinds() {
        assert_eq!(role("教程"), Role::Intent(TUTORIAL));
        assert_eq!(role("扫盲"), Role::Intent(TUTORIAL));
        assert_eq!(role("材料"), Role::Intent(TUTORIAL));
        assert_eq!(role("materials"), Role::Intent(TUTORIAL));
        assert_eq!(role("纪录片"), Role::Intent(VIDEO));
        assert_eq!(preference(role("视频"), Kind::Video), 1.0);
        assert_eq!(preference(role("视频"), Kind::Course), 0.5);
        assert_eq!(preference(role("代码"), Kind::Repo), 1.0);
        assert!(preference(role("教程"), Kind::Article) < 0.5);
        assert_eq!(preference(role("lora"), Kind::Article), 0.0);
        // A tool's documentation may be its repository; an official site is not one.
        assert_eq!(preference(role("文档"), Kind::Repo), 0.5);
        assert_eq!(preference(role("官网"), Kind::Repo), 0.0);
        // A language asked for lifts resources in it, half those in several.
        assert_eq!(role("英文"), Role::Language(Lang::En));
        assert_eq!(language_preference(role("英文"), Lang::En), 1.0);
        assert_eq!(language_preference(role("中文"), Lang::Multi), 0.5);
        assert_eq!(language_preference(role("中文"), Lang::En), 0.0);
    }

    #[test]
    fn stop_and_content_words() {
        assert_eq!(role("the"), Role::Stop);
        assert_eq!(role("有没有"), Role::Stop);
        assert_eq!(role("lora"), Role::Content);
        assert_eq!(role("learning"), Role::Content);
        // Asking for the links is what every question to the bot does.
        assert_eq!(role("链接"), Role::Stop);
        assert_eq!(role("links"), Role::Stop);
        // Adverbs and idioms colour a question; "fully sharded" names FSDP.
        assert_eq!(role("eventually"), Role::Stop);
        assert_eq!(role("hood"), Role::Stop);
        assert_eq!(role("fully"), Role::Content);
        // Where and when the asker read something, and in what order one learns.
        assert_eq!(role("看过"), Role::Stop);
        assert_eq!(role("那边"), Role::Stop);
        assert_eq!(role("first"), Role::Stop);
        // Where a step stands on the path is filler; how long it takes stays content, as
        // "12-week plan" and "适合周末去的地方" are what off-topic questions ask for.
        for word in [
            "接下来",
            "进阶",
            "前置知识",
            "先读",
            "next",
            "prerequisites",
        ] {
            assert_eq!(role(word), Role::Stop, "{word}");
        }
        for word in ["周末", "一个月", "week", "plan"] {
            assert_eq!(role(word), Role::Content, "{word}");
        }
        // The story around a question: when, who asked, how it felt.
        assert_eq!(role("暑假"), Role::Stop);
        // Time spent on a plan, not 3D parallelism nor a 7B model.
        assert_eq!(role("2h"), Role::Stop);
        assert_eq!(role("30min"), Role::Stop);
        assert_eq!(role("3d"), Role::Content);
        assert_eq!(role("7b"), Role::Content);
        assert_eq!(role("h100"), Role::Content);
        assert_eq!(role("boss"), Role::Stop);
        assert_eq!(role("advisor"), Role::Stop);
        // Chat shorthand: "quantization 101", "smaller n faster", "从哪下手".
        assert!(matches!(role("101"), Role::Intent(_)));
        assert_eq!(role("n"), Role::Link);
        assert_eq!(role("下手"), Role::Stop);
        assert_eq!(role("thursday"), Role::Stop);
        assert_eq!(role("周四"), Role::Stop);
        assert_eq!(role("frustrated"), Role::Stop);
        // Why the asker reads: an interview or an exam to prepare for.
        assert_eq!(role("prep"), Role::Stop);
        assert_eq!(role("自测题"), Role::Stop);
        assert_eq!(role("exam"), Role::Stop);
        // A comparison table to make compares nothing itself.
        assert_eq!(role("对比表"), Role::Stop);
        // What an off-topic story asks for stays content.
        assert_eq!(role("restaurant"), Role::Content);
        assert_eq!(role("内推"), Role::Content);
        // "Go 这边" is where the fix is asked for, not chat.
        assert_eq!(role("这边"), Role::Content);
    }

    #[test]
    fn a_word_in_several_lists_keeps_the_first_role() {
        // "和" and "比较" are links (and comparisons), never plain stop words.
        assert_eq!(role("和"), Role::Link);
        assert_eq!(role("比较"), Role::Link);
        for word in INTENTS
            .iter()
            .map(|(w, _)| *w)
            .chain(LINKS.iter().copied())
            .chain(STOPS.iter().copied())
        {
            let expected = match INTENTS.iter().find(|(w, _)| *w == word) {
                Some((_, kinds)) => Role::Intent(kinds),
                None if LINKS.contains(&word) => Role::Link,
                None => Role::Stop,
            };
            assert_eq!(role(word), expected, "{word}");
        }
    }

    #[test]
    fn cjk_words_are_multi_character() {
        assert!(cjk_words().all(|w| w.chars().count() >= 2));
        assert!(cjk_words().any(|w| w == "有没有"));
    }
}
