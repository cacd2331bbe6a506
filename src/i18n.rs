//! The two languages ganhuo speaks, and the words every front end shares.
//!
//! Front ends pick a [`Locale`] from what the platform says about the user (Telegram's
//! `language_code`, Discord's `locale`, `$LANG` in a terminal) and the view layer
//! ([`crate::present`]) takes its fixed phrases from here, so every front end says the same
//! thing in the same words. Only each front end's own help (its commands) lives with it.

use crate::catalogue::{Kind, Lang};

/// A user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Chinese.
    Zh,
    /// English (the default).
    #[default]
    En,
}

impl Locale {
    /// Chinese for any `zh*` tag (zh, zh-CN, zh-TW, zh-hans …), English otherwise.
    pub fn from_tag(tag: Option<&str>) -> Locale {
        match tag {
            Some(t) if t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) => Locale::Zh,
            _ => Locale::En,
        }
    }

    /// The locale's tag, as the query log stores it: `zh` or `en`.
    pub fn tag(self) -> &'static str {
        self.pick("zh", "en")
    }

    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Locale::Zh => zh,
            Locale::En => en,
        }
    }

    /// The name of a resource kind.
    pub fn kind(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Article => self.pick("文章", "article"),
            Kind::Repo => self.pick("代码仓库", "repo"),
            Kind::Course => self.pick("课程", "course"),
            Kind::Video => self.pick("视频", "video"),
            Kind::Docs => self.pick("文档", "docs"),
            Kind::Paper => self.pick("论文", "paper"),
            Kind::ModelCard => self.pick("模型卡", "model card"),
            Kind::Website => self.pick("网站", "website"),
            Kind::Dataset => self.pick("数据集", "dataset"),
            Kind::Book => self.pick("书", "book"),
            Kind::Tool => self.pick("工具", "tool"),
        }
    }

    /// The name of a page language.
    pub fn lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.pick("中文", "Chinese"),
            Lang::En => self.pick("英文", "English"),
            Lang::Multi => self.pick("多语言", "multilingual"),
        }
    }

    /// Heading of an answer, before the query.
    pub fn results_for(self) -> &'static str {
        self.pick("搜索结果", "Results for")
    }

    /// Nothing matched.
    pub fn no_results(self) -> &'static str {
        self.pick(
            "没有找到相关资源。",
            "Nothing in the catalogue matches that.",
        )
    }

    /// A message that asked the bot to write, translate or polish something.
    pub fn not_a_writer(self) -> &'static str {
        self.pick(
            "我只帮你找大模型的学习资源，不会代写、翻译或润色。",
            "I find learning resources about LLMs; I don't write, translate or polish texts.",
        )
    }

    /// A page past the last result (a stale button).
    pub fn no_more_results(self) -> &'static str {
        self.pick("没有更多结果了。", "No more results.")
    }

    /// Introduces topics close to what was typed.
    pub fn did_you_mean(self) -> &'static str {
        self.pick("你是不是想找:", "Did you mean:")
    }

    /// Introduces the topics nearest a question in meaning when none of its words matched
    /// enough.
    pub fn related_topics(self) -> &'static str {
        self.pick("这些主题可能相关:", "These topics may be related:")
    }

    /// Introduces the largest topics when nothing was close.
    pub fn top_topics(self) -> &'static str {
        self.pick("可以从这些主题开始:", "Try one of these topics:")
    }

    /// A button whose state is no longer remembered.
    pub fn expired(self) -> &'static str {
        self.pick(
            "这个按钮已过期,请重新搜索。",
            "This button has expired; please search again.",
        )
    }

    /// The next page.
    pub fn more(self) -> &'static str {
        self.pick("更多 ▶", "More ▶")
    }

    /// The previous page.
    pub fn previous(self) -> &'static str {
        self.pick("◀ 上一页", "◀ Back")
    }

    /// Back to the first page, from past the end.
    pub fn start_over(self) -> &'static str {
        self.pick("⏮ 回到开头", "⏮ Start over")
    }

    /// Opens the topic of a result.
    pub fn open_topic(self) -> &'static str {
        self.pick("📂 主题", "📂 Topic")
    }

    /// The parent topic.
    pub fn up(self) -> &'static str {
        self.pick("⬆ 上一级", "⬆ Up")
    }

    /// The list of root topics.
    pub fn all_topics(self) -> &'static str {
        self.pick("全部主题", "All topics")
    }

    /// Heading of the list of root topics.
    pub fn topic_tree(self) -> &'static str {
        self.pick("主题目录", "Topics")
    }

    /// Heading of a topic's resources.
    pub fn resources(self) -> &'static str {
        self.pick("资源", "Resources")
    }

    /// Heading of a topic's subtopics.
    pub fn subtopics(self) -> &'static str {
        self.pick("子主题", "Subtopics")
    }

    /// The feedback button saying an answer helped.
    pub fn helpful(self) -> &'static str {
        self.pick("👍 有用", "👍 Helpful")
    }

    /// The feedback button saying an answer did not help.
    pub fn not_helpful(self) -> &'static str {
        self.pick("👎 没用", "👎 Not helpful")
    }

    /// The acknowledgement of a feedback press.
    pub fn feedback_thanks(self) -> &'static str {
        self.pick(
            "谢谢反馈!这会帮助我们改进目录。",
            "Thanks for the feedback! It helps us improve the catalogue.",
        )
    }

    /// A topic that does not exist.
    pub fn unknown_topic(self) -> &'static str {
        self.pick("没有这个主题。", "No such topic.")
    }

    /// Which results a page shows.
    pub fn showing(self, from: usize, to: usize, total: usize) -> String {
        match self {
            Locale::Zh => format!("第 {from}–{to} 条,共 {total} 条"),
            Locale::En => format!("{from}–{to} of {total}"),
        }
    }

    /// `/ask` without a question.
    pub fn ask_usage(self) -> &'static str {
        self.pick(
            "用法:/ask <问题>,例如 /ask LoRA 教程",
            "Usage: /ask <question>, e.g. /ask LoRA tutorial",
        )
    }

    /// The reply to a greeting (and to `/start`), before the example questions.
    pub fn greeting(self) -> &'static str {
        self.pick(
            "你好!我是干货 ganhuo,帮你找大模型学习资源。直接发问题就行,例如:",
            "Hi! I'm ganhuo: I find LLM learning resources in a curated catalogue. Just send a question, for example:",
        )
    }

    /// The reply to thanks, before the example questions.
    pub fn thanks(self) -> &'static str {
        self.pick(
            "不客气!还想找什么大模型资源,直接问我,例如:",
            "You're welcome! Ask me anything else about LLMs, for example:",
        )
    }

    /// What the bot does, for help, before the example questions.
    pub fn about(self) -> &'static str {
        self.pick(
            "我是干货 ganhuo:从精选的双语目录里找大模型学习资源(文章、代码仓库、课程、视频、论文)。直接发问题,例如:",
            "I'm ganhuo: I find LLM learning resources (articles, repos, courses, videos, papers) in a curated bilingual catalogue. Send a question, for example:",
        )
    }

    /// Example questions, for small talk and help.
    pub fn examples(self) -> &'static [&'static str] {
        match self {
            Locale::Zh => &["LoRA 教程", "vLLM", "分布式训练", "有没有讲 NCCL 的文章"],
            Locale::En => &[
                "LoRA tutorial",
                "vLLM",
                "distributed training",
                "articles about NCCL",
            ],
        }
    }

    /// A user over the flood limit.
    pub fn slow_down(self) -> &'static str {
        self.pick(
            "请求太频繁了,请稍等几秒再试。",
            "You're sending questions too fast; please wait a few seconds.",
        )
    }

    /// An internal failure.
    pub fn something_went_wrong(self) -> &'static str {
        self.pick(
            "出了点问题,请稍后再试。",
            "Something went wrong; please try again shortly.",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_locales() {
        assert_eq!(Locale::from_tag(Some("zh-CN")), Locale::Zh);
        assert_eq!(Locale::from_tag(Some("zh")), Locale::Zh);
        assert_eq!(Locale::from_tag(Some("ZH-tw")), Locale::Zh);
        assert_eq!(Locale::from_tag(Some("en-US")), Locale::En);
        assert_eq!(Locale::from_tag(Some("z")), Locale::En);
        assert_eq!(Locale::from_tag(None), Locale::En);
    }
}
