//! Messages that are not questions: greetings, thanks, and requests for help with the bot.
//!
//! A chat bot is greeted and thanked; answering "hi" with an InfiniBand article, or "谢谢"
//! with "nothing matches", reads as broken. A message is small talk only when *all* of it is
//! made of such phrases (and a few fillers such as "ok", "呀"), so "hi, any LoRA tutorials?"
//! is still a question.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::platform::Command;
use serde::Serialize;

use super::normalise::{self, is_cjk, normalise};
use super::pinyin::{self, Pinyin};

/// What a small-talk message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SmallTalk {
    /// "hi", "你好", "在吗".
    Greeting,
    /// "thanks", "谢谢".
    Thanks,
    /// "help", "怎么用", "what can you do".
    Help,
}

/// Phrases, normalised: Latin phrases are space-separated words, Chinese ones plain runs.
/// `None` marks fillers, which may surround a phrase but do not make small talk on their own.
const PHRASES: &[(&str, Option<SmallTalk>)] = &[
    ("hi", Some(SmallTalk::Greeting)),
    // "hey there! first time talking to this bot 👋"
    ("first time talking to this bot", None),
    ("first time talking to you", None),
    ("first time using this bot", None),
    ("first time here", None),
    ("hii", Some(SmallTalk::Greeting)),
    ("hello", Some(SmallTalk::Greeting)),
    ("hey", Some(SmallTalk::Greeting)),
    ("heya", Some(SmallTalk::Greeting)),
    ("yo", Some(SmallTalk::Greeting)),
    ("howdy", Some(SmallTalk::Greeting)),
    ("greetings", Some(SmallTalk::Greeting)),
    ("good morning", Some(SmallTalk::Greeting)),
    ("good afternoon", Some(SmallTalk::Greeting)),
    ("good evening", Some(SmallTalk::Greeting)),
    ("good night", Some(SmallTalk::Greeting)),
    ("morning", Some(SmallTalk::Greeting)),
    ("bye", Some(SmallTalk::Greeting)),
    ("goodbye", Some(SmallTalk::Greeting)),
    ("see you", Some(SmallTalk::Greeting)),
    ("how are you", Some(SmallTalk::Greeting)),
    ("anyone there", Some(SmallTalk::Greeting)),
    ("anyone home", Some(SmallTalk::Greeting)),
    ("anybody home", Some(SmallTalk::Greeting)),
    ("anyone here", Some(SmallTalk::Greeting)),
    ("anybody here", Some(SmallTalk::Greeting)),
    ("anybody there", Some(SmallTalk::Greeting)),
    ("first time here", Some(SmallTalk::Greeting)),
    // Arriving ("hiii 👋 just found this bot", "found you through the gamedev discord").
    ("just found this bot", Some(SmallTalk::Greeting)),
    ("found this bot", Some(SmallTalk::Greeting)),
    ("just found you", Some(SmallTalk::Greeting)),
    ("found you", Some(SmallTalk::Greeting)),
    ("first time using this", Some(SmallTalk::Greeting)),
    ("first time trying this", Some(SmallTalk::Greeting)),
    ("first time using this bot", Some(SmallTalk::Greeting)),
    ("you awake", Some(SmallTalk::Greeting)),
    ("are you awake", Some(SmallTalk::Greeting)),
    ("happy weekend", Some(SmallTalk::Greeting)),
    ("have a nice weekend", Some(SmallTalk::Greeting)),
    ("have a good weekend", Some(SmallTalk::Greeting)),
    ("happy friday", Some(SmallTalk::Greeting)),
    ("happy new year", Some(SmallTalk::Greeting)),
    ("周末愉快", Some(SmallTalk::Greeting)),
    ("周末快乐", Some(SmallTalk::Greeting)),
    ("新年快乐", Some(SmallTalk::Greeting)),
    ("节日快乐", Some(SmallTalk::Greeting)),
    ("new here", Some(SmallTalk::Greeting)),
    ("i m new here", Some(SmallTalk::Greeting)),
    ("第一次来", Some(SmallTalk::Greeting)),
    ("第一次用", Some(SmallTalk::Greeting)),
    ("第一次使用", Some(SmallTalk::Greeting)),
    ("新来的", Some(SmallTalk::Greeting)),
    ("are you there", Some(SmallTalk::Greeting)),
    // Whether the bot is about, as "you there" asks it ("hey, you around?").
    ("you around", Some(SmallTalk::Greeting)),
    ("are you around", Some(SmallTalk::Greeting)),
    ("u around", Some(SmallTalk::Greeting)),
    ("anyone around", Some(SmallTalk::Greeting)),
    ("你好", Some(SmallTalk::Greeting)),
    ("您好", Some(SmallTalk::Greeting)),
    ("你们好", Some(SmallTalk::Greeting)),
    ("大家好", Some(SmallTalk::Greeting)),
    ("嗨", Some(SmallTalk::Greeting)),
    ("哈喽", Some(SmallTalk::Greeting)),
    ("哈罗", Some(SmallTalk::Greeting)),
    ("在吗", Some(SmallTalk::Greeting)),
    ("在不在", Some(SmallTalk::Greeting)),
    ("有人吗", Some(SmallTalk::Greeting)),
    ("早上好", Some(SmallTalk::Greeting)),
    ("早安", Some(SmallTalk::Greeting)),
    ("早", Some(SmallTalk::Greeting)),
    ("早啊", Some(SmallTalk::Greeting)),
    ("早呀", Some(SmallTalk::Greeting)),
    ("上午好", Some(SmallTalk::Greeting)),
    ("中午好", Some(SmallTalk::Greeting)),
    ("下午好", Some(SmallTalk::Greeting)),
    ("晚上好", Some(SmallTalk::Greeting)),
    ("晚安", Some(SmallTalk::Greeting)),
    ("再见", Some(SmallTalk::Greeting)),
    ("拜拜", Some(SmallTalk::Greeting)),
    ("你好吗", Some(SmallTalk::Greeting)),
    ("有人在吗", Some(SmallTalk::Greeting)),
    // Greetings phrased as questions: the rest of a message asking something makes it a
    // question, so these must be known as greetings.
    ("how s it going", Some(SmallTalk::Greeting)),
    ("how is it going", Some(SmallTalk::Greeting)),
    ("how are you doing", Some(SmallTalk::Greeting)),
    ("how are things", Some(SmallTalk::Greeting)),
    ("how have you been", Some(SmallTalk::Greeting)),
    ("最近怎么样", Some(SmallTalk::Greeting)),
    ("最近好吗", Some(SmallTalk::Greeting)),
    ("你怎么样", Some(SmallTalk::Greeting)),
    ("sup", Some(SmallTalk::Greeting)),
    ("wassup", Some(SmallTalk::Greeting)),
    ("whats up", Some(SmallTalk::Greeting)),
    ("what s up", Some(SmallTalk::Greeting)),
    ("whats good", Some(SmallTalk::Greeting)),
    ("what s good", Some(SmallTalk::Greeting)),
    ("thanks", Some(SmallTalk::Thanks)),
    ("thank you", Some(SmallTalk::Thanks)),
    ("thank u", Some(SmallTalk::Thanks)),
    ("thankyou", Some(SmallTalk::Thanks)),
    ("thx", Some(SmallTalk::Thanks)),
    ("thanx", Some(SmallTalk::Thanks)),
    ("ty", Some(SmallTalk::Thanks)),
    ("tysm", Some(SmallTalk::Thanks)),
    ("cheers", Some(SmallTalk::Thanks)),
    ("much appreciated", Some(SmallTalk::Thanks)),
    ("appreciate it", Some(SmallTalk::Thanks)),
    ("great", Some(SmallTalk::Thanks)),
    ("awesome", Some(SmallTalk::Thanks)),
    ("nice", Some(SmallTalk::Thanks)),
    ("perfect", Some(SmallTalk::Thanks)),
    ("谢谢", Some(SmallTalk::Thanks)),
    ("谢了", Some(SmallTalk::Thanks)),
    ("谢啦", Some(SmallTalk::Thanks)),
    ("多谢", Some(SmallTalk::Thanks)),
    ("感谢", Some(SmallTalk::Thanks)),
    ("感激", Some(SmallTalk::Thanks)),
    // Thanks in a formal letter ("谨致谢忱", "不胜感激").
    ("谨致谢忱", Some(SmallTalk::Thanks)),
    ("致谢忱", Some(SmallTalk::Thanks)),
    ("不胜感激", Some(SmallTalk::Thanks)),
    ("太感谢了", Some(SmallTalk::Thanks)),
    ("太感谢你了", Some(SmallTalk::Thanks)),
    ("太感谢您了", Some(SmallTalk::Thanks)),
    ("太谢谢了", Some(SmallTalk::Thanks)),
    ("太谢谢你了", Some(SmallTalk::Thanks)),
    ("太谢谢您了", Some(SmallTalk::Thanks)),
    ("辛苦了", Some(SmallTalk::Thanks)),
    // A favour done ("谢谢你给的链接，帮大忙了").
    ("帮大忙了", Some(SmallTalk::Thanks)),
    ("帮了大忙", Some(SmallTalk::Thanks)),
    ("太棒了", Some(SmallTalk::Thanks)),
    ("好棒", Some(SmallTalk::Thanks)),
    ("厉害", Some(SmallTalk::Thanks)),
    ("有帮助", Some(SmallTalk::Thanks)),
    ("有用", Some(SmallTalk::Thanks)),
    ("收到", Some(SmallTalk::Thanks)),
    ("got it", Some(SmallTalk::Thanks)),
    ("helpful", Some(SmallTalk::Thanks)),
    ("明白了", Some(SmallTalk::Thanks)),
    ("明白", Some(SmallTalk::Thanks)),
    ("懂了", Some(SmallTalk::Thanks)),
    ("知道了", Some(SmallTalk::Thanks)),
    ("i see", Some(SmallTalk::Thanks)),
    ("understood", Some(SmallTalk::Thanks)),
    ("help", Some(SmallTalk::Help)),
    ("start", Some(SmallTalk::Help)),
    ("menu", Some(SmallTalk::Help)),
    ("what can you do", Some(SmallTalk::Help)),
    ("what do you do", Some(SmallTalk::Help)),
    // The same asked of "this bot" ("what can this bot do? just links, or …").
    ("what can this bot do", Some(SmallTalk::Help)),
    ("what can the bot do", Some(SmallTalk::Help)),
    ("what does this bot do", Some(SmallTalk::Help)),
    ("what does the bot do", Some(SmallTalk::Help)),
    ("who are you", Some(SmallTalk::Help)),
    ("what are you", Some(SmallTalk::Help)),
    ("how do i use this", Some(SmallTalk::Help)),
    ("how do i use it", Some(SmallTalk::Help)),
    ("how to use it", Some(SmallTalk::Help)),
    ("how do i use you", Some(SmallTalk::Help)),
    ("how do i ask you", Some(SmallTalk::Help)),
    ("how should i ask you", Some(SmallTalk::Help)),
    ("怎么问你", Some(SmallTalk::Help)),
    ("how does this work", Some(SmallTalk::Help)),
    ("how to use", Some(SmallTalk::Help)),
    ("帮助", Some(SmallTalk::Help)),
    ("求助", Some(SmallTalk::Help)),
    ("菜单", Some(SmallTalk::Help)),
    ("怎么用", Some(SmallTalk::Help)),
    ("怎么用你", Some(SmallTalk::Help)),
    // Whether typing a question is all it takes ("这个怎么用啊 直接打字问就行？").
    ("直接打字问就行", Some(SmallTalk::Help)),
    // What it looks up, and how to hand it a question or a list ("what kinds of things can
    // you look up?", "do I just type a topic or paste my list?").
    ("what can you look up", Some(SmallTalk::Help)),
    ("things can you look up", Some(SmallTalk::Help)),
    ("do i just type", Some(SmallTalk::Help)),
    ("do i just paste", Some(SmallTalk::Help)),
    ("直接问就行", Some(SmallTalk::Help)),
    ("直接打字就行", Some(SmallTalk::Help)),
    // Wondering whether this is the right bot ("你能帮我干点啥？我是不是来错地方了").
    ("来错地方了", Some(SmallTalk::Help)),
    ("是不是来错地方了", Some(SmallTalk::Help)),
    ("如何使用你", Some(SmallTalk::Help)),
    ("怎么使用你", Some(SmallTalk::Help)),
    ("如何使用", Some(SmallTalk::Help)),
    ("怎么使用", Some(SmallTalk::Help)),
    ("使用说明", Some(SmallTalk::Help)),
    ("你能做什么", Some(SmallTalk::Help)),
    ("你会什么", Some(SmallTalk::Help)),
    ("你可以做什么", Some(SmallTalk::Help)),
    ("你有什么功能", Some(SmallTalk::Help)),
    ("你是谁", Some(SmallTalk::Help)),
    ("你是干什么的", Some(SmallTalk::Help)),
    ("你能干嘛", Some(SmallTalk::Help)),
    ("你能干啥", Some(SmallTalk::Help)),
    ("你都能干嘛", Some(SmallTalk::Help)),
    ("你都能干啥", Some(SmallTalk::Help)),
    ("你能做啥", Some(SmallTalk::Help)),
    ("你都能做什么", Some(SmallTalk::Help)),
    ("你会干嘛", Some(SmallTalk::Help)),
    ("有什么命令", Some(SmallTalk::Help)),
    ("有哪些命令", Some(SmallTalk::Help)),
    ("命令", Some(SmallTalk::Help)),
    ("指令", Some(SmallTalk::Help)),
    ("commands", Some(SmallTalk::Help)),
    ("what commands", Some(SmallTalk::Help)),
    ("what is this", Some(SmallTalk::Help)),
    ("what s this", Some(SmallTalk::Help)),
    ("are you a bot", Some(SmallTalk::Help)),
    ("are you ai", Some(SmallTalk::Help)),
    ("are you an ai", Some(SmallTalk::Help)),
    ("你是 ai 吗", Some(SmallTalk::Help)),
    ("你是机器人吗", Some(SmallTalk::Help)),
    ("你是人吗", Some(SmallTalk::Help)),
    ("你懂什么", Some(SmallTalk::Help)),
    ("你都懂什么", Some(SmallTalk::Help)),
    ("你懂哪些", Some(SmallTalk::Help)),
    ("你都懂哪些", Some(SmallTalk::Help)),
    ("帮助文档", Some(SmallTalk::Help)),
    ("help 文档", Some(SmallTalk::Help)),
    ("怎么搜", Some(SmallTalk::Help)),
    ("怎么搜索", Some(SmallTalk::Help)),
    ("怎么 search", Some(SmallTalk::Help)),
    ("how do i search", Some(SmallTalk::Help)),
    ("how to search", Some(SmallTalk::Help)),
    // More greetings and farewells, as people type them in either language.
    ("gm", Some(SmallTalk::Greeting)),
    ("gn", Some(SmallTalk::Greeting)),
    ("hiya", Some(SmallTalk::Greeting)),
    ("heyy", Some(SmallTalk::Greeting)),
    ("hullo", Some(SmallTalk::Greeting)),
    ("hola", Some(SmallTalk::Greeting)),
    ("good day", Some(SmallTalk::Greeting)),
    ("g day", Some(SmallTalk::Greeting)),
    ("evening", Some(SmallTalk::Greeting)),
    ("afternoon", Some(SmallTalk::Greeting)),
    ("nite", Some(SmallTalk::Greeting)),
    ("night night", Some(SmallTalk::Greeting)),
    ("hey hey", Some(SmallTalk::Greeting)),
    ("hi all", Some(SmallTalk::Greeting)),
    ("hi there", Some(SmallTalk::Greeting)),
    ("hey hey hi all hi there", Some(SmallTalk::Greeting)),
    ("hello all", Some(SmallTalk::Greeting)),
    ("long time no see", Some(SmallTalk::Greeting)),
    ("nice to meet you", Some(SmallTalk::Greeting)),
    ("pleased to meet you", Some(SmallTalk::Greeting)),
    ("good to see you", Some(SmallTalk::Greeting)),
    ("see ya", Some(SmallTalk::Greeting)),
    ("see ya later", Some(SmallTalk::Greeting)),
    ("see you later", Some(SmallTalk::Greeting)),
    ("see you soon", Some(SmallTalk::Greeting)),
    ("cya", Some(SmallTalk::Greeting)),
    ("ttyl", Some(SmallTalk::Greeting)),
    ("talk later", Some(SmallTalk::Greeting)),
    ("catch you later", Some(SmallTalk::Greeting)),
    ("take care", Some(SmallTalk::Greeting)),
    ("have a nice day", Some(SmallTalk::Greeting)),
    ("have a good day", Some(SmallTalk::Greeting)),
    ("have a good one", Some(SmallTalk::Greeting)),
    ("gotta go", Some(SmallTalk::Greeting)),
    ("signing off", Some(SmallTalk::Greeting)),
    ("byee", Some(SmallTalk::Greeting)),
    ("bye bye", Some(SmallTalk::Greeting)),
    ("嘿", Some(SmallTalk::Greeting)),
    ("喂", Some(SmallTalk::Greeting)),
    ("哈啰", Some(SmallTalk::Greeting)),
    ("嗨喽", Some(SmallTalk::Greeting)),
    ("嗨嗨", Some(SmallTalk::Greeting)),
    ("午安", Some(SmallTalk::Greeting)),
    ("晚好", Some(SmallTalk::Greeting)),
    ("好久不见", Some(SmallTalk::Greeting)),
    ("在么", Some(SmallTalk::Greeting)),
    ("在嘛", Some(SmallTalk::Greeting)),
    ("在不", Some(SmallTalk::Greeting)),
    ("在没", Some(SmallTalk::Greeting)),
    ("有人没", Some(SmallTalk::Greeting)),
    ("有人不", Some(SmallTalk::Greeting)),
    ("打扰了", Some(SmallTalk::Greeting)),
    ("又来打扰了", Some(SmallTalk::Greeting)),
    ("又来打扰", Some(SmallTalk::Greeting)),
    ("我又来了", Some(SmallTalk::Greeting)),
    ("又来了", Some(SmallTalk::Greeting)),
    ("打扰一下", Some(SmallTalk::Greeting)),
    ("初次见面", Some(SmallTalk::Greeting)),
    ("很高兴认识你", Some(SmallTalk::Greeting)),
    ("认识一下", Some(SmallTalk::Greeting)),
    ("回头见", Some(SmallTalk::Greeting)),
    ("下次见", Some(SmallTalk::Greeting)),
    ("明天见", Some(SmallTalk::Greeting)),
    ("溜了", Some(SmallTalk::Greeting)),
    ("先走了", Some(SmallTalk::Greeting)),
    ("下线了", Some(SmallTalk::Greeting)),
    ("睡了", Some(SmallTalk::Greeting)),
    ("撤了", Some(SmallTalk::Greeting)),
    // More thanks and acknowledgements: praise, "noted", bookmarking (码住, mark).
    ("thanks a lot", Some(SmallTalk::Thanks)),
    ("thanks a ton", Some(SmallTalk::Thanks)),
    ("thanks a bunch", Some(SmallTalk::Thanks)),
    ("thanks so much", Some(SmallTalk::Thanks)),
    ("thank you very much", Some(SmallTalk::Thanks)),
    ("many thanks", Some(SmallTalk::Thanks)),
    ("big thanks", Some(SmallTalk::Thanks)),
    ("tq", Some(SmallTalk::Thanks)),
    ("tyvm", Some(SmallTalk::Thanks)),
    ("thnx", Some(SmallTalk::Thanks)),
    ("thnks", Some(SmallTalk::Thanks)),
    ("thank", Some(SmallTalk::Thanks)),
    ("you rock", Some(SmallTalk::Thanks)),
    ("you re the best", Some(SmallTalk::Thanks)),
    ("you re awesome", Some(SmallTalk::Thanks)),
    ("you re amazing", Some(SmallTalk::Thanks)),
    ("lifesaver", Some(SmallTalk::Thanks)),
    ("life saver", Some(SmallTalk::Thanks)),
    ("legend", Some(SmallTalk::Thanks)),
    ("brilliant", Some(SmallTalk::Thanks)),
    ("cool", Some(SmallTalk::Thanks)),
    ("sweet", Some(SmallTalk::Thanks)),
    ("excellent", Some(SmallTalk::Thanks)),
    ("amazing", Some(SmallTalk::Thanks)),
    ("wonderful", Some(SmallTalk::Thanks)),
    ("fantastic", Some(SmallTalk::Thanks)),
    ("love it", Some(SmallTalk::Thanks)),
    ("good job", Some(SmallTalk::Thanks)),
    ("well done", Some(SmallTalk::Thanks)),
    ("nice one", Some(SmallTalk::Thanks)),
    ("good bot", Some(SmallTalk::Thanks)),
    ("color me impressed", Some(SmallTalk::Thanks)),
    ("colour me impressed", Some(SmallTalk::Thanks)),
    ("great bot", Some(SmallTalk::Thanks)),
    ("nice bot", Some(SmallTalk::Thanks)),
    ("that helps", Some(SmallTalk::Thanks)),
    ("that helped", Some(SmallTalk::Thanks)),
    ("this helps", Some(SmallTalk::Thanks)),
    ("this helped", Some(SmallTalk::Thanks)),
    ("very helpful", Some(SmallTalk::Thanks)),
    ("super helpful", Some(SmallTalk::Thanks)),
    ("exactly what i needed", Some(SmallTalk::Thanks)),
    ("exactly what i was after", Some(SmallTalk::Thanks)),
    ("exactly what i was looking for", Some(SmallTalk::Thanks)),
    ("just what i needed", Some(SmallTalk::Thanks)),
    ("makes sense", Some(SmallTalk::Thanks)),
    ("noted", Some(SmallTalk::Thanks)),
    ("gotcha", Some(SmallTalk::Thanks)),
    ("roger", Some(SmallTalk::Thanks)),
    ("will do", Some(SmallTalk::Thanks)),
    ("will check", Some(SmallTalk::Thanks)),
    ("i ll check it out", Some(SmallTalk::Thanks)),
    ("i ll take a look", Some(SmallTalk::Thanks)),
    // Leaving to read what was sent ("好的 我先看看这几个").
    ("我先看看", Some(SmallTalk::Thanks)),
    ("先看看", Some(SmallTalk::Thanks)),
    ("我去看看", Some(SmallTalk::Thanks)),
    ("我先去看看", Some(SmallTalk::Thanks)),
    ("先去看看", Some(SmallTalk::Thanks)),
    ("这就去看", Some(SmallTalk::Thanks)),
    ("这几个", None),
    ("这几篇", None),
    ("这些", None),
    ("感恩", Some(SmallTalk::Thanks)),
    ("3q", Some(SmallTalk::Thanks)),
    ("蟹蟹", Some(SmallTalk::Thanks)),
    ("感谢分享", Some(SmallTalk::Thanks)),
    ("谢谢分享", Some(SmallTalk::Thanks)),
    ("感谢感谢", Some(SmallTalk::Thanks)),
    ("非常感谢", Some(SmallTalk::Thanks)),
    ("万分感谢", Some(SmallTalk::Thanks)),
    ("谢谢老板", Some(SmallTalk::Thanks)),
    ("牛", Some(SmallTalk::Thanks)),
    ("牛逼", Some(SmallTalk::Thanks)),
    ("牛批", Some(SmallTalk::Thanks)),
    ("666", Some(SmallTalk::Thanks)),
    ("赞", Some(SmallTalk::Thanks)),
    ("点赞", Some(SmallTalk::Thanks)),
    ("给力", Some(SmallTalk::Thanks)),
    ("好评", Some(SmallTalk::Thanks)),
    ("学到了", Some(SmallTalk::Thanks)),
    ("学习了", Some(SmallTalk::Thanks)),
    ("受教了", Some(SmallTalk::Thanks)),
    ("涨知识了", Some(SmallTalk::Thanks)),
    ("长知识了", Some(SmallTalk::Thanks)),
    ("有收获", Some(SmallTalk::Thanks)),
    ("好用", Some(SmallTalk::Thanks)),
    ("不错", Some(SmallTalk::Thanks)),
    ("很好", Some(SmallTalk::Thanks)),
    ("真好", Some(SmallTalk::Thanks)),
    ("完美", Some(SmallTalk::Thanks)),
    ("爱了", Some(SmallTalk::Thanks)),
    ("了解", Some(SmallTalk::Thanks)),
    ("了解了", Some(SmallTalk::Thanks)),
    ("清楚了", Some(SmallTalk::Thanks)),
    ("懂", Some(SmallTalk::Thanks)),
    ("收藏了", Some(SmallTalk::Thanks)),
    ("已收藏", Some(SmallTalk::Thanks)),
    ("太有用了", Some(SmallTalk::Thanks)),
    ("很有用", Some(SmallTalk::Thanks)),
    ("太实用了", Some(SmallTalk::Thanks)),
    ("码住", Some(SmallTalk::Thanks)),
    ("马住", Some(SmallTalk::Thanks)),
    ("mark", Some(SmallTalk::Thanks)),
    ("先收藏", Some(SmallTalk::Thanks)),
    ("辛苦", Some(SmallTalk::Thanks)),
    ("辛苦啦", Some(SmallTalk::Thanks)),
    ("麻烦了", Some(SmallTalk::Thanks)),
    ("麻烦你了", Some(SmallTalk::Thanks)),
    // Arriving to ask again ("早上好 bot，今天又来麻烦你了"): a greeting, not thanks for help.
    ("又来麻烦你了", Some(SmallTalk::Greeting)),
    ("又来麻烦你啦", Some(SmallTalk::Greeting)),
    ("继续麻烦你了", Some(SmallTalk::Greeting)),
    ("继续麻烦你啦", Some(SmallTalk::Greeting)),
    // Trouble to come is a greeting's courtesy, not thanks ("以后可能要经常麻烦你了").
    ("要麻烦你了", Some(SmallTalk::Greeting)),
    ("要经常麻烦你了", Some(SmallTalk::Greeting)),
    // More questions about the bot itself.
    ("what can i ask", Some(SmallTalk::Help)),
    ("what can i ask you", Some(SmallTalk::Help)),
    ("what should i ask", Some(SmallTalk::Help)),
    ("what do you know", Some(SmallTalk::Help)),
    ("what topics", Some(SmallTalk::Help)),
    ("what topics do you cover", Some(SmallTalk::Help)),
    ("what do you cover", Some(SmallTalk::Help)),
    ("what s your name", Some(SmallTalk::Help)),
    ("what is your name", Some(SmallTalk::Help)),
    ("who made you", Some(SmallTalk::Help)),
    ("who built you", Some(SmallTalk::Help)),
    ("who created you", Some(SmallTalk::Help)),
    ("introduce yourself", Some(SmallTalk::Help)),
    ("tell me about yourself", Some(SmallTalk::Help)),
    ("how do you work", Some(SmallTalk::Help)),
    ("how does it work", Some(SmallTalk::Help)),
    ("how does this bot work", Some(SmallTalk::Help)),
    ("how to use this bot", Some(SmallTalk::Help)),
    ("how do i use this bot", Some(SmallTalk::Help)),
    ("instructions", Some(SmallTalk::Help)),
    ("help me", Some(SmallTalk::Help)),
    ("i need help", Some(SmallTalk::Help)),
    ("咋用", Some(SmallTalk::Help)),
    ("咋用啊", Some(SmallTalk::Help)),
    ("怎么玩", Some(SmallTalk::Help)),
    ("怎么问", Some(SmallTalk::Help)),
    ("怎么提问", Some(SmallTalk::Help)),
    ("如何提问", Some(SmallTalk::Help)),
    ("能问什么", Some(SmallTalk::Help)),
    ("能问啥", Some(SmallTalk::Help)),
    ("可以问啥", Some(SmallTalk::Help)),
    ("问啥", Some(SmallTalk::Help)),
    ("可以问什么", Some(SmallTalk::Help)),
    ("问什么", Some(SmallTalk::Help)),
    ("问哪些", Some(SmallTalk::Help)),
    ("能问哪些", Some(SmallTalk::Help)),
    ("可以问哪些", Some(SmallTalk::Help)),
    ("问哪方面", Some(SmallTalk::Help)),
    ("你能帮我什么", Some(SmallTalk::Help)),
    ("你能帮我做什么", Some(SmallTalk::Help)),
    ("你有啥用", Some(SmallTalk::Help)),
    ("介绍一下你自己", Some(SmallTalk::Help)),
    ("自我介绍", Some(SmallTalk::Help)),
    ("你叫什么", Some(SmallTalk::Help)),
    ("你叫什么名字", Some(SmallTalk::Help)),
    ("这是什么", Some(SmallTalk::Help)),
    ("这是啥", Some(SmallTalk::Help)),
    ("这是什么机器人", Some(SmallTalk::Help)),
    ("这个机器人是干嘛的", Some(SmallTalk::Help)),
    // A bot on a chat app is an account ("这个号是干嘛的呀？能帮我找哪些资料？").
    ("这个号是干嘛的", Some(SmallTalk::Help)),
    ("这个号能干嘛", Some(SmallTalk::Help)),
    ("能帮我找哪些资料", Some(SmallTalk::Help)),
    // A wish for the short version, around any of these ("… drop the tl;dr", "简单说说呗").
    ("tl dr", None),
    ("tldr", None),
    ("drop the tl dr", None),
    ("drop the tldr", None),
    ("简单说说", None),
    ("简单说说呗", None),
    // A newcomer checking in, as a group's hashtag has it ("#新人报到").
    ("新人报到", Some(SmallTalk::Greeting)),
    ("你支持什么", Some(SmallTalk::Help)),
    ("你支持哪些", Some(SmallTalk::Help)),
    ("使用方法", Some(SmallTalk::Help)),
    ("用法", Some(SmallTalk::Help)),
    ("帮帮我", Some(SmallTalk::Help)),
    // Whether it is a person, which languages it speaks, where its links come from, which
    // commands it takes.
    ("are you a real person", Some(SmallTalk::Help)),
    ("are you a person", Some(SmallTalk::Help)),
    ("are you a human", Some(SmallTalk::Help)),
    ("are you human", Some(SmallTalk::Help)),
    ("are you real", Some(SmallTalk::Help)),
    ("is this a bot", Some(SmallTalk::Help)),
    ("is this a human", Some(SmallTalk::Help)),
    ("do you speak chinese", Some(SmallTalk::Help)),
    ("do you speak english", Some(SmallTalk::Help)),
    ("do you understand chinese", Some(SmallTalk::Help)),
    ("do you understand english", Some(SmallTalk::Help)),
    ("do you support chinese", Some(SmallTalk::Help)),
    ("do you support english", Some(SmallTalk::Help)),
    ("can i ask in chinese", Some(SmallTalk::Help)),
    ("can i ask in english", Some(SmallTalk::Help)),
    ("where do your links come from", Some(SmallTalk::Help)),
    ("where do the links come from", Some(SmallTalk::Help)),
    ("where do you get your links", Some(SmallTalk::Help)),
    ("what are your sources", Some(SmallTalk::Help)),
    ("what commands are there", Some(SmallTalk::Help)),
    ("what commands can i use", Some(SmallTalk::Help)),
    ("你是真人吗", Some(SmallTalk::Help)),
    ("是真人吗", Some(SmallTalk::Help)),
    ("真人吗", Some(SmallTalk::Help)),
    ("是人还是机器人", Some(SmallTalk::Help)),
    ("真人还是机器人", Some(SmallTalk::Help)),
    ("支持中文", Some(SmallTalk::Help)),
    ("支持英文", Some(SmallTalk::Help)),
    ("能用中文", Some(SmallTalk::Help)),
    ("能用英文", Some(SmallTalk::Help)),
    ("可以用中文", Some(SmallTalk::Help)),
    ("可以用英文", Some(SmallTalk::Help)),
    ("会中文", Some(SmallTalk::Help)),
    ("会说中文", Some(SmallTalk::Help)),
    ("懂中文", Some(SmallTalk::Help)),
    ("会英文", Some(SmallTalk::Help)),
    ("懂英文", Some(SmallTalk::Help)),
    ("从哪来的", Some(SmallTalk::Help)),
    ("从哪来", Some(SmallTalk::Help)),
    ("从哪儿来的", Some(SmallTalk::Help)),
    ("哪来的", Some(SmallTalk::Help)),
    ("来源是什么", Some(SmallTalk::Help)),
    ("数据来源", Some(SmallTalk::Help)),
    ("有哪些指令", Some(SmallTalk::Help)),
    ("有什么指令", Some(SmallTalk::Help)),
    ("指令有哪些", Some(SmallTalk::Help)),
    ("命令有哪些", Some(SmallTalk::Help)),
    ("有哪些功能", Some(SmallTalk::Help)),
    ("有什么功能", Some(SmallTalk::Help)),
    // Written Cantonese (Hong Kong, Macau), after conversion to simplified characters:
    // good morning, thank you (唔该 for a favour, 多谢 for a gift), and how the bot is used.
    ("早晨", Some(SmallTalk::Greeting)),
    ("哈佬", Some(SmallTalk::Greeting)),
    ("晏安", Some(SmallTalk::Greeting)),
    ("唔该", Some(SmallTalk::Thanks)),
    ("唔该晒", Some(SmallTalk::Thanks)),
    ("多谢晒", Some(SmallTalk::Thanks)),
    ("多谢你", Some(SmallTalk::Thanks)),
    ("好正", Some(SmallTalk::Thanks)),
    ("劲", Some(SmallTalk::Thanks)),
    ("点用", Some(SmallTalk::Help)),
    ("点样用", Some(SmallTalk::Help)),
    ("点问", Some(SmallTalk::Help)),
    ("识做咩", Some(SmallTalk::Help)),
    ("可以做咩", Some(SmallTalk::Help)),
    ("有咩功能", Some(SmallTalk::Help)),
    ("问咩", Some(SmallTalk::Help)),
    // The internet's greetings, forms of address and questions about the bot ("家人们好",
    // "宝子们早", "gm fam", "wait what can this bot even do", "这机器人咋玩").
    ("家人们好", Some(SmallTalk::Greeting)),
    ("宝子们好", Some(SmallTalk::Greeting)),
    ("宝子们早", Some(SmallTalk::Greeting)),
    ("集美们好", Some(SmallTalk::Greeting)),
    ("兄弟们好", Some(SmallTalk::Greeting)),
    ("咋玩", Some(SmallTalk::Help)),
    // Greeting a room of teachers or of bosses.
    ("老师好", Some(SmallTalk::Greeting)),
    ("老师们好", Some(SmallTalk::Greeting)),
    ("各位老师好", Some(SmallTalk::Greeting)),
    ("领导好", Some(SmallTalk::Greeting)),
    ("各位领导好", Some(SmallTalk::Greeting)),
    ("家人们", None),
    ("宝子们", None),
    ("宝子", None),
    ("xdm", None),
    ("fam", None),
    ("bestie", None),
    ("wait", None),
    ("even", None),
    // Singapore, Malaysia and Taiwan's particles, and the forms of address of Taiwan's forums
    // and of Indian English ("thanks ah", "謝謝大大", "thank you sir").
    ("lah", None),
    ("leh", None),
    ("ah", None),
    ("大大", None),
    ("madam", None),
    // Cantonese particles and pointers ("呢個 bot", "㗎").
    ("呢个", None),
    ("㗎", None),
    ("喎", None),
    ("嘅", None),
    // More fillers: laughter, forms of address, particles.
    ("lol", None),
    ("lmao", None),
    ("haha", None),
    ("hahaha", None),
    ("hehe", None),
    ("xd", None),
    ("just", None),
    ("really", None),
    ("buddy", None),
    ("pal", None),
    ("friend", None),
    ("folks", None),
    ("fam", None),
    ("sir", None),
    ("this", None),
    ("y all", None),
    ("people", None),
    ("老师", None),
    ("老铁", None),
    ("亲", None),
    ("各位", None),
    ("朋友们", None),
    ("呵呵", None),
    ("嘿嘿", None),
    ("嘻嘻", None),
    ("哈哈哈", None),
    ("嘛", None),
    ("咯", None),
    ("哇", None),
    ("噢", None),
    ("哎", None),
    ("吧", None),
    ("呐", None),
    ("啊啊", None),
    ("ok", None),
    ("okay", None),
    ("oh", None),
    ("omg", None),
    ("wow", None),
    ("so", None),
    ("much", None),
    ("very", None),
    ("a lot", None),
    ("again", None),
    ("there", None),
    ("all", None),
    ("everyone", None),
    ("bot", None),
    ("ganhuo", None),
    ("please", None),
    ("pls", None),
    ("me", None),
    ("mate", None),
    ("bro", None),
    ("dude", None),
    ("guys", None),
    ("大佬", None),
    ("老哥", None),
    ("兄弟", None),
    ("干货", None),
    ("机器人", None),
    ("这个", None),
    ("这", None),
    ("那", None),
    ("有", None),
    ("好的", None),
    ("好", None),
    ("嗯", None),
    ("哦", None),
    ("你", None),
    ("呀", None),
    ("啊", None),
    ("哈", None),
    ("哈哈", None),
    ("呢", None),
    ("吗", None),
    ("了", None),
    ("啦", None),
    ("的", None),
    ("哟", None),
    ("喔", None),
    ("请问", None),
    ("一下", None),
    ("非常", None),
    ("真", None),
    ("在哪", None),
    ("在哪里", None),
    ("or", None),
    ("a", None),
    ("an", None),
    ("都", None),
    ("是", None),
    ("可以", None),
    ("能", None),
    ("用", None),
    ("推荐", None),
    ("链接", None),
    ("资料", None),
    ("方面", None),
    ("问题", None),
    // Checking the bot is there, and coming back.
    ("anyone here", Some(SmallTalk::Greeting)),
    ("anybody here", Some(SmallTalk::Greeting)),
    ("anybody there", Some(SmallTalk::Greeting)),
    ("you alive", Some(SmallTalk::Greeting)),
    ("are you alive", Some(SmallTalk::Greeting)),
    ("you online", Some(SmallTalk::Greeting)),
    ("i m back", Some(SmallTalk::Greeting)),
    ("im back", Some(SmallTalk::Greeting)),
    ("back again", Some(SmallTalk::Greeting)),
    ("在线吗", Some(SmallTalk::Greeting)),
    ("在线", Some(SmallTalk::Greeting)),
    ("又来了", Some(SmallTalk::Greeting)),
    ("我来了", Some(SmallTalk::Greeting)),
    ("回来了", Some(SmallTalk::Greeting)),
    ("喂", Some(SmallTalk::Greeting)),
    ("嘿", Some(SmallTalk::Greeting)),
    // Comings and goings as typed in Chinese chat: coming back, leaving for now, Cantonese's
    // 有冇人, 在吗 typed in pinyin ("我又回来了", "先撤了，回头再来").
    ("我又回来了", Some(SmallTalk::Greeting)),
    ("又回来了", Some(SmallTalk::Greeting)),
    ("我回来了", Some(SmallTalk::Greeting)),
    ("我来啦", Some(SmallTalk::Greeting)),
    ("我又来啦", Some(SmallTalk::Greeting)),
    ("回见", Some(SmallTalk::Greeting)),
    ("回头再来", Some(SmallTalk::Greeting)),
    ("改天再来", Some(SmallTalk::Greeting)),
    ("下次再来", Some(SmallTalk::Greeting)),
    ("先撤了", Some(SmallTalk::Greeting)),
    ("先撤", Some(SmallTalk::Greeting)),
    ("撤啦", Some(SmallTalk::Greeting)),
    // 有冇人 alone opens a question ("有冇人知點解…"); closed with a particle it only asks
    // whether anyone is there.
    ("有冇人呀", Some(SmallTalk::Greeting)),
    ("有冇人啊", Some(SmallTalk::Greeting)),
    ("有冇人在", Some(SmallTalk::Greeting)),
    ("zaima", Some(SmallTalk::Greeting)),
    ("zai ma", Some(SmallTalk::Greeting)),
    ("zaime", Some(SmallTalk::Greeting)),
    ("心情好吗", Some(SmallTalk::Greeting)),
    ("心情怎么样", Some(SmallTalk::Greeting)),
    ("好滴", None),
    ("好嘞", None),
    ("好哒", None),
    ("get到了", Some(SmallTalk::Thanks)),
    ("get", None),
    ("okie", None),
    ("alright", None),
    // A grudging "ok fine, thanks I guess". Not "fine" alone, which would be a stop word
    // (see `chat_words`) and unmake "fine tune".
    ("ok fine", None),
    ("i guess", None),
    ("dokie", None),
    // Praise in internet slang and affection ("yyds", "爱你么么哒").
    ("yyds", Some(SmallTalk::Thanks)),
    ("永远的神", Some(SmallTalk::Thanks)),
    ("爱你", Some(SmallTalk::Thanks)),
    ("么么哒", Some(SmallTalk::Thanks)),
    ("比心", Some(SmallTalk::Thanks)),
    ("靠谱多了", Some(SmallTalk::Thanks)),
    // How often the list is updated, asked with nothing else.
    ("多久更新一次", Some(SmallTalk::Help)),
    ("多久更新", Some(SmallTalk::Help)),
    ("隔多久更新", Some(SmallTalk::Help)),
    // Going to bed, a knock, holidays and arriving glad ("gn everyone, going to sleep",
    // "Happy Diwali to everyone", "glad to be here").
    ("going to sleep", Some(SmallTalk::Greeting)),
    ("going to bed", Some(SmallTalk::Greeting)),
    ("heading to bed", Some(SmallTalk::Greeting)),
    ("knock knock", Some(SmallTalk::Greeting)),
    ("hihi", Some(SmallTalk::Greeting)),
    ("happy holidays", Some(SmallTalk::Greeting)),
    ("merry christmas", Some(SmallTalk::Greeting)),
    ("happy diwali", Some(SmallTalk::Greeting)),
    ("happy eid", Some(SmallTalk::Greeting)),
    ("happy thanksgiving", Some(SmallTalk::Greeting)),
    ("happy lunar new year", Some(SmallTalk::Greeting)),
    ("happy chinese new year", Some(SmallTalk::Greeting)),
    ("春节快乐", Some(SmallTalk::Greeting)),
    ("中秋快乐", Some(SmallTalk::Greeting)),
    ("国庆快乐", Some(SmallTalk::Greeting)),
    ("中秋节快乐", Some(SmallTalk::Greeting)),
    ("国庆节快乐", Some(SmallTalk::Greeting)),
    ("新春快乐", Some(SmallTalk::Greeting)),
    ("元旦快乐", Some(SmallTalk::Greeting)),
    ("元宵快乐", Some(SmallTalk::Greeting)),
    ("元宵节快乐", Some(SmallTalk::Greeting)),
    ("端午安康", Some(SmallTalk::Greeting)),
    ("端午快乐", Some(SmallTalk::Greeting)),
    ("圣诞快乐", Some(SmallTalk::Greeting)),
    ("感恩节快乐", Some(SmallTalk::Greeting)),
    ("生日快乐", Some(SmallTalk::Greeting)),
    ("过年好", Some(SmallTalk::Greeting)),
    ("新年好", Some(SmallTalk::Greeting)),
    ("merry xmas", Some(SmallTalk::Greeting)),
    ("glad to be here", Some(SmallTalk::Greeting)),
    ("happy to be here", Some(SmallTalk::Greeting)),
    // Greetings in an old-fashioned or courtly voice ("Good morrow to thee, learned bot!",
    // "久仰大名，今日得见，幸甚至哉！阁下别来无恙乎？"): a greeting still, however ornate.
    ("good morrow", Some(SmallTalk::Greeting)),
    ("good day", Some(SmallTalk::Greeting)),
    ("well met", Some(SmallTalk::Greeting)),
    ("thee", None),
    ("thou", None),
    ("learned bot", None),
    ("wise bot", None),
    ("幸会", Some(SmallTalk::Greeting)),
    ("久仰", Some(SmallTalk::Greeting)),
    ("久仰大名", Some(SmallTalk::Greeting)),
    ("别来无恙", Some(SmallTalk::Greeting)),
    ("无恙", Some(SmallTalk::Greeting)),
    ("有礼了", Some(SmallTalk::Greeting)),
    ("阁下", None),
    ("今日得见", None),
    ("幸甚", None),
    ("幸甚至哉", None),
    ("乎", None),
    ("dear", None),
    ("to everyone", None),
    ("to all", None),
    ("whoever made this bot", None),
    ("to whoever made this bot", None),
    ("to whoever made this", None),
    // Thanks in the other languages people type in an English chat, praise as a score, and
    // reading later ("10/10 would ask again", "will check those out tonight").
    ("merci", Some(SmallTalk::Thanks)),
    ("merci beaucoup", Some(SmallTalk::Thanks)),
    ("danke", Some(SmallTalk::Thanks)),
    ("danke schön", Some(SmallTalk::Thanks)),
    ("danke schon", Some(SmallTalk::Thanks)),
    ("gracias", Some(SmallTalk::Thanks)),
    ("grazie", Some(SmallTalk::Thanks)),
    ("obrigado", Some(SmallTalk::Thanks)),
    ("obrigada", Some(SmallTalk::Thanks)),
    ("arigato", Some(SmallTalk::Thanks)),
    ("arigatou", Some(SmallTalk::Thanks)),
    ("shukriya", Some(SmallTalk::Thanks)),
    ("spasibo", Some(SmallTalk::Thanks)),
    // Greetings and thanks in the languages people write around the catalogue's names
    // ("Привет! Ты AI-бот?", "¡Muchas gracias! Me sirvió el enlace de vLLM 🙏", "こんにちは！").
    ("привет", Some(SmallTalk::Greeting)),
    ("здравствуйте", Some(SmallTalk::Greeting)),
    ("спасибо", Some(SmallTalk::Thanks)),
    ("большое спасибо", Some(SmallTalk::Thanks)),
    ("hola", Some(SmallTalk::Greeting)),
    ("muchas gracias", Some(SmallTalk::Thanks)),
    ("bonjour", Some(SmallTalk::Greeting)),
    ("hallo", Some(SmallTalk::Greeting)),
    ("vielen dank", Some(SmallTalk::Thanks)),
    ("ciao", Some(SmallTalk::Greeting)),
    ("grazie mille", Some(SmallTalk::Thanks)),
    ("muito obrigado", Some(SmallTalk::Thanks)),
    ("muito obrigada", Some(SmallTalk::Thanks)),
    ("merhaba", Some(SmallTalk::Greeting)),
    ("teşekkürler", Some(SmallTalk::Thanks)),
    ("terima kasih", Some(SmallTalk::Thanks)),
    ("xin chào", Some(SmallTalk::Greeting)),
    ("cảm ơn", Some(SmallTalk::Thanks)),
    ("こんにちは", Some(SmallTalk::Greeting)),
    ("ありがとう", Some(SmallTalk::Thanks)),
    ("ありがとうございます", Some(SmallTalk::Thanks)),
    ("안녕하세요", Some(SmallTalk::Greeting)),
    ("감사합니다", Some(SmallTalk::Thanks)),
    ("고맙습니다", Some(SmallTalk::Thanks)),
    ("kudos", Some(SmallTalk::Thanks)),
    ("props", Some(SmallTalk::Thanks)),
    ("10 10", Some(SmallTalk::Thanks)),
    ("would ask again", Some(SmallTalk::Thanks)),
    ("will check those out", Some(SmallTalk::Thanks)),
    ("will check them out", Some(SmallTalk::Thanks)),
    ("will check it out", Some(SmallTalk::Thanks)),
    ("gonna check those out", Some(SmallTalk::Thanks)),
    // Regional voices: Taiwan (好讚, 推推, 3Q3Q), Hong Kong (好犀利, 真係), Singlish ("power
    // lah", "anot"), Malay and Tagalog greetings and thanks, Indian English praise; and praise
    // that opens like a greeting ("你好棒棒" is no 你好).
    ("好赞", Some(SmallTalk::Thanks)),
    ("超赞", Some(SmallTalk::Thanks)),
    ("推推", Some(SmallTalk::Thanks)),
    ("3q3q", Some(SmallTalk::Thanks)),
    ("谢", Some(SmallTalk::Thanks)),
    ("你好棒", Some(SmallTalk::Thanks)),
    ("你好棒棒", Some(SmallTalk::Thanks)),
    ("好棒棒", Some(SmallTalk::Thanks)),
    ("你好厉害", Some(SmallTalk::Thanks)),
    ("你好强", Some(SmallTalk::Thanks)),
    ("好犀利", Some(SmallTalk::Thanks)),
    ("真系", None),
    ("power lah", Some(SmallTalk::Thanks)),
    ("anot", None),
    ("eh", None),
    ("superb", Some(SmallTalk::Thanks)),
    ("keep it up", Some(SmallTalk::Thanks)),
    ("selamat pagi", Some(SmallTalk::Greeting)),
    ("selamat malam", Some(SmallTalk::Greeting)),
    ("selamat petang", Some(SmallTalk::Greeting)),
    ("selamat siang", Some(SmallTalk::Greeting)),
    ("selamat sore", Some(SmallTalk::Greeting)),
    ("halo semua", Some(SmallTalk::Greeting)),
    ("hai semua", Some(SmallTalk::Greeting)),
    ("salam kenal", Some(SmallTalk::Greeting)),
    ("makasih", Some(SmallTalk::Thanks)),
    ("terima kasih", Some(SmallTalk::Thanks)),
    ("kumusta", Some(SmallTalk::Greeting)),
    ("salamat", Some(SmallTalk::Thanks)),
    ("maraming salamat", Some(SmallTalk::Thanks)),
    ("po", None),
    ("talaga", None),
    ("你识做啲咩", Some(SmallTalk::Help)),
    ("识做啲咩", Some(SmallTalk::Help)),
    // Checking it hears, signing off in a letter's words, praise in a letter's words, and
    // testing it ("can you hear me", "Kind regards", "sincere gratitude", "test pls ignore"; a
    // bare "test test 123" is no message to the bot).
    ("听得到吗", Some(SmallTalk::Greeting)),
    ("听得见吗", Some(SmallTalk::Greeting)),
    ("can you hear me", Some(SmallTalk::Greeting)),
    ("有冇人喺度", Some(SmallTalk::Greeting)),
    ("it s me again", Some(SmallTalk::Greeting)),
    ("me again", Some(SmallTalk::Greeting)),
    ("在", Some(SmallTalk::Greeting)),
    ("take my leave", Some(SmallTalk::Greeting)),
    ("kind regards", Some(SmallTalk::Greeting)),
    ("best regards", Some(SmallTalk::Greeting)),
    ("that will be all for today", Some(SmallTalk::Greeting)),
    ("dear sir madam", None),
    ("sir madam", None),
    ("i would like to express", None),
    ("my sincere gratitude", Some(SmallTalk::Thanks)),
    ("sincere gratitude", Some(SmallTalk::Thanks)),
    ("for your kind assistance", None),
    ("best bot ever", Some(SmallTalk::Thanks)),
    ("no joke", None),
    ("test pls ignore", Some(SmallTalk::Help)),
    ("say something", Some(SmallTalk::Help)),
    ("人工智障", Some(SmallTalk::Help)),
    ("真人还是程序", Some(SmallTalk::Help)),
    ("是真人还是", Some(SmallTalk::Help)),
    // Praise for the bot, which thanks it.
    ("真棒", Some(SmallTalk::Thanks)),
    ("太棒了", Some(SmallTalk::Thanks)),
    ("好棒", Some(SmallTalk::Thanks)),
    ("太强了", Some(SmallTalk::Thanks)),
    ("好强", Some(SmallTalk::Thanks)),
    ("牛", Some(SmallTalk::Thanks)),
    ("牛啊", Some(SmallTalk::Thanks)),
    ("有点东西", Some(SmallTalk::Thanks)),
    ("厉害", Some(SmallTalk::Thanks)),
    ("给力", Some(SmallTalk::Thanks)),
    ("good bot", Some(SmallTalk::Thanks)),
    ("nice bot", Some(SmallTalk::Thanks)),
    ("great bot", Some(SmallTalk::Thanks)),
    ("love this bot", Some(SmallTalk::Thanks)),
    // What the bot costs, and when it seems broken.
    ("free to use", Some(SmallTalk::Help)),
    ("is it free", Some(SmallTalk::Help)),
    ("收费", Some(SmallTalk::Help)),
    ("要钱吗", Some(SmallTalk::Help)),
    ("免费吗", Some(SmallTalk::Help)),
    ("挂了", Some(SmallTalk::Help)),
    ("好慢", Some(SmallTalk::Help)),
    ("没反应", Some(SmallTalk::Help)),
    ("不回", Some(SmallTalk::Help)),
    ("is dead", Some(SmallTalk::Help)),
    ("broken link", Some(SmallTalk::Help)),
    ("dead link", Some(SmallTalk::Help)),
    // What the bot may be instead ("are you a real person or an AI?").
    ("or an ai", None),
    ("or ai", None),
    ("or a human", None),
    ("or human", None),
    ("还是ai", None),
    ("还是真人", None),
    ("还是机器人", None),
    // Written from a blind probe set of small talk (how people greet, thank and ask for help
    // in chat), never from a test message.
    ("mornin", Some(SmallTalk::Greeting)),
    ("night", Some(SmallTalk::Greeting)),
    ("you there", Some(SmallTalk::Greeting)),
    ("sorry to bother", Some(SmallTalk::Greeting)),
    ("sorry to bother you", Some(SmallTalk::Greeting)),
    ("sorry for bothering", Some(SmallTalk::Greeting)),
    ("sorry for bothering you", Some(SmallTalk::Greeting)),
    ("sorry to disturb", Some(SmallTalk::Greeting)),
    ("sorry to disturb you", Some(SmallTalk::Greeting)),
    ("helo", Some(SmallTalk::Greeting)),
    ("heloo", Some(SmallTalk::Greeting)),
    ("hallo", Some(SmallTalk::Greeting)),
    ("哈咯", Some(SmallTalk::Greeting)),
    ("大佬好", Some(SmallTalk::Greeting)),
    ("大佬们好", Some(SmallTalk::Greeting)),
    ("各位好", Some(SmallTalk::Greeting)),
    ("各位大佬好", Some(SmallTalk::Greeting)),
    ("来了", Some(SmallTalk::Greeting)),
    ("88", Some(SmallTalk::Greeting)),
    ("886", Some(SmallTalk::Greeting)),
    ("安安", Some(SmallTalk::Greeting)),
    ("much obliged", Some(SmallTalk::Thanks)),
    ("thnaks", Some(SmallTalk::Thanks)),
    ("thansk", Some(SmallTalk::Thanks)),
    ("tnx", Some(SmallTalk::Thanks)),
    ("thks", Some(SmallTalk::Thanks)),
    ("tks", Some(SmallTalk::Thanks)),
    ("射射", Some(SmallTalk::Thanks)),
    ("6666", Some(SmallTalk::Thanks)),
    ("66666", Some(SmallTalk::Thanks)),
    ("youre the best", Some(SmallTalk::Thanks)),
    ("who made this bot", Some(SmallTalk::Help)),
    ("who built this bot", Some(SmallTalk::Help)),
    ("who created this bot", Some(SmallTalk::Help)),
    ("is this free", Some(SmallTalk::Help)),
    ("is this bot free", Some(SmallTalk::Help)),
    ("is the bot free", Some(SmallTalk::Help)),
    ("how do i ask questions", Some(SmallTalk::Help)),
    ("how do i ask a question", Some(SmallTalk::Help)),
    ("how should i ask questions", Some(SmallTalk::Help)),
    ("what kind of questions can i ask", Some(SmallTalk::Help)),
    ("what sort of questions can i ask", Some(SmallTalk::Help)),
    ("what questions can i ask", Some(SmallTalk::Help)),
    ("are you chatgpt", Some(SmallTalk::Help)),
    ("are you gpt", Some(SmallTalk::Help)),
    ("is this chatgpt", Some(SmallTalk::Help)),
    ("你能干什么", Some(SmallTalk::Help)),
    ("你会干什么", Some(SmallTalk::Help)),
    ("你都能干什么", Some(SmallTalk::Help)),
    ("你能干些什么", Some(SmallTalk::Help)),
    ("你能干些啥", Some(SmallTalk::Help)),
    ("都能干些啥", Some(SmallTalk::Help)),
    ("能干些啥", Some(SmallTalk::Help)),
    ("能用英文问", Some(SmallTalk::Help)),
    ("能用中文问", Some(SmallTalk::Help)),
    ("可以用英文问", Some(SmallTalk::Help)),
    ("可以用中文问", Some(SmallTalk::Help)),
    ("谁做的你", Some(SmallTalk::Help)),
    ("谁开发的你", Some(SmallTalk::Help)),
    ("谁做的这个机器人", Some(SmallTalk::Help)),
    ("能帮我找资料", Some(SmallTalk::Help)),
    ("可以帮我找资料", Some(SmallTalk::Help)),
    // Families of a learner's messages along a study plan (a blind probe set of round 34's
    // stop): checking in on a streak, signing off, and agreeing to the order given.
    ("打卡", Some(SmallTalk::Greeting)),
    ("打个卡", Some(SmallTalk::Greeting)),
    ("来打卡", Some(SmallTalk::Greeting)),
    ("今日打卡", Some(SmallTalk::Greeting)),
    ("每日打卡", Some(SmallTalk::Greeting)),
    ("继续冲", Some(SmallTalk::Greeting)),
    ("冲冲冲", Some(SmallTalk::Greeting)),
    ("check in", Some(SmallTalk::Greeting)),
    ("checking in", Some(SmallTalk::Greeting)),
    ("wish me luck", Some(SmallTalk::Greeting)),
    ("祝我好运", Some(SmallTalk::Greeting)),
    ("祝我顺利", Some(SmallTalk::Greeting)),
    ("logging off", Some(SmallTalk::Greeting)),
    ("off to bed", Some(SmallTalk::Greeting)),
    ("gonna sleep", Some(SmallTalk::Greeting)),
    ("see u", Some(SmallTalk::Greeting)),
    ("see u next week", Some(SmallTalk::Greeting)),
    ("see you next week", Some(SmallTalk::Greeting)),
    ("bonjour", Some(SmallTalk::Greeting)),
    ("brb", Some(SmallTalk::Greeting)),
    ("就按这个来", Some(SmallTalk::Thanks)),
    ("按这个来", Some(SmallTalk::Thanks)),
    ("按这个顺序来", Some(SmallTalk::Thanks)),
    ("就按这个顺序", Some(SmallTalk::Thanks)),
    ("就按你说的", Some(SmallTalk::Thanks)),
    ("按你说的来", Some(SmallTalk::Thanks)),
    ("正是我需要的", Some(SmallTalk::Thanks)),
    ("正好是我需要的", Some(SmallTalk::Thanks)),
    ("i ll follow that order", Some(SmallTalk::Thanks)),
    ("will follow that order", Some(SmallTalk::Thanks)),
    ("follow that order", Some(SmallTalk::Thanks)),
    // Families of a newcomer's first messages (round 31's tune half): reporting in, being
    // told about the bot, praise of an answer, and asking whether typing is all it takes.
    ("新人报到", Some(SmallTalk::Greeting)),
    ("新人报道", Some(SmallTalk::Greeting)),
    ("报到", Some(SmallTalk::Greeting)),
    ("报个到", Some(SmallTalk::Greeting)),
    ("来报个到", Some(SmallTalk::Greeting)),
    ("先来报个到", Some(SmallTalk::Greeting)),
    ("来报到", Some(SmallTalk::Greeting)),
    ("请多指教", Some(SmallTalk::Greeting)),
    ("请多多指教", Some(SmallTalk::Greeting)),
    ("多多指教", Some(SmallTalk::Greeting)),
    ("打个招呼", Some(SmallTalk::Greeting)),
    ("先打个招呼", Some(SmallTalk::Greeting)),
    ("来打个招呼", Some(SmallTalk::Greeting)),
    ("打声招呼", Some(SmallTalk::Greeting)),
    ("nice to meet you", Some(SmallTalk::Greeting)),
    ("nice to meet you all", Some(SmallTalk::Greeting)),
    ("frens", None),
    ("fren", None),
    ("shared this bot", Some(SmallTalk::Greeting)),
    ("shared this bot with me", Some(SmallTalk::Greeting)),
    ("told me about this bot", Some(SmallTalk::Greeting)),
    ("recommended this bot", Some(SmallTalk::Greeting)),
    ("this is gold", Some(SmallTalk::Thanks)),
    ("pure gold", Some(SmallTalk::Thanks)),
    ("for your help", Some(SmallTalk::Thanks)),
    ("for your kind help", Some(SmallTalk::Thanks)),
    ("for your kindly help", Some(SmallTalk::Thanks)),
    ("for the help", Some(SmallTalk::Thanks)),
    ("do i just type", Some(SmallTalk::Help)),
    ("do i just type stuff", Some(SmallTalk::Help)),
    ("just type", Some(SmallTalk::Help)),
    ("how do i use it", Some(SmallTalk::Help)),
    ("how do i use this", Some(SmallTalk::Help)),
    ("直接打字", Some(SmallTalk::Help)),
    ("直接打字就行", Some(SmallTalk::Help)),
    ("直接打字就行吗", Some(SmallTalk::Help)),
    ("直接发就行吗", Some(SmallTalk::Help)),
    ("直接发问题就行", Some(SmallTalk::Help)),
    ("直接问问题就行", Some(SmallTalk::Help)),
    ("直接提问就行", Some(SmallTalk::Help)),
    ("发问题就行", Some(SmallTalk::Help)),
    ("这玩意儿怎么用", Some(SmallTalk::Help)),
    ("这玩意怎么用", Some(SmallTalk::Help)),
    ("这玩意儿咋整", Some(SmallTalk::Help)),
    ("这玩意咋整", Some(SmallTalk::Help)),
    ("这玩意儿", None),
    ("这玩意", None),
    // Round 33's tune half: a visitor only looking, and questions promised for later.
    ("just looking around", Some(SmallTalk::Greeting)),
    ("just browsing", Some(SmallTalk::Greeting)),
    ("just checking it out", Some(SmallTalk::Greeting)),
    ("随便看看", Some(SmallTalk::Greeting)),
    ("后面可能会问你很多", Some(SmallTalk::Greeting)),
    ("后面会问你很多", Some(SmallTalk::Greeting)),
    ("以后可能会经常问你", Some(SmallTalk::Greeting)),
    ("以后会经常来问", Some(SmallTalk::Greeting)),
    // Second-language users (round 42's tune half): greetings of their own languages, and
    // learners' wording of thanks and of "what can you do".
    ("salam", Some(SmallTalk::Greeting)),
    ("salaam", Some(SmallTalk::Greeting)),
    ("salam alaikum", Some(SmallTalk::Greeting)),
    ("salam aleikum", Some(SmallTalk::Greeting)),
    ("assalamu alaikum", Some(SmallTalk::Greeting)),
    ("as salamu alaikum", Some(SmallTalk::Greeting)),
    // The same greeting as a translator renders it.
    ("peace be upon you", Some(SmallTalk::Greeting)),
    ("namaste", Some(SmallTalk::Greeting)),
    ("ciao", Some(SmallTalk::Greeting)),
    ("privet", Some(SmallTalk::Greeting)),
    ("konnichiwa", Some(SmallTalk::Greeting)),
    ("annyeong", Some(SmallTalk::Greeting)),
    ("annyeonghaseyo", Some(SmallTalk::Greeting)),
    ("xin chao", Some(SmallTalk::Greeting)),
    ("merhaba", Some(SmallTalk::Greeting)),
    ("guten tag", Some(SmallTalk::Greeting)),
    ("buenos dias", Some(SmallTalk::Greeting)),
    ("buenas tardes", Some(SmallTalk::Greeting)),
    ("buenas noches", Some(SmallTalk::Greeting)),
    ("good evening to you", Some(SmallTalk::Greeting)),
    ("good morning to you", Some(SmallTalk::Greeting)),
    ("first time use you", Some(SmallTalk::Greeting)),
    ("first time to use you", Some(SmallTalk::Greeting)),
    ("first time using you", Some(SmallTalk::Greeting)),
    ("you help me a lot", Some(SmallTalk::Thanks)),
    ("you help me so much", Some(SmallTalk::Thanks)),
    ("you help me very much", Some(SmallTalk::Thanks)),
    ("you helped me a lot", Some(SmallTalk::Thanks)),
    ("you helped me so much", Some(SmallTalk::Thanks)),
    ("very kind of you", Some(SmallTalk::Thanks)),
    ("so kind of you", Some(SmallTalk::Thanks)),
    ("kind of you", Some(SmallTalk::Thanks)),
    ("explain me your functions", Some(SmallTalk::Help)),
    ("explain your functions", Some(SmallTalk::Help)),
    ("what are your functions", Some(SmallTalk::Help)),
    ("what is your function", Some(SmallTalk::Help)),
    ("your functions", Some(SmallTalk::Help)),
];

/// Praise, acknowledgements and times of day that also open or close ordinary statements
/// ("这家店味道不错", "了解一下区块链", "restaurants open in the evening"): they are small talk
/// only as a whole message, never at the edge of a longer one.
const ONLY_ALONE: &[&str] = &[
    "爱你",
    "不错",
    "很好",
    "真好",
    "好用",
    "了解",
    "学习了",
    "完美",
    "cool",
    "sweet",
    "noted",
    "mark",
    "legend",
    "brilliant",
    "excellent",
    "amazing",
    "wonderful",
    "fantastic",
    "evening",
    "afternoon",
    "nite",
    "gm",
    "gn",
    "night",
    "来了",
    "88",
    "886",
    "安安",
    "tks",
];

/// The one-word greetings, thanks and fillers ("thx", "bro", "谢啦"): inside a question they
/// say nothing about what is asked, so the query pipeline takes them as filler. Help words
/// are left out: "指令" and "命令" name things too.
pub fn chat_words() -> impl Iterator<Item = &'static str> {
    PHRASES
        .iter()
        .filter(|(p, kind)| !p.contains(' ') && *kind != Some(SmallTalk::Help))
        .map(|(p, _)| *p)
}

/// Chat stretches a word to say it louder ("hiii", "thxxx", "sooo"): a Latin letter typed
/// three times or more in a row counts once. (Repeated ideographs are words said again,
/// "谢谢谢谢", and match as such.)
fn unstretched(text: &str) -> String {
    normalise::cut_stretches(text, 1)
}

/// The unit phrases are matched on: a Latin word or one ideograph. Latin letters between
/// ideographs are a word of their own ("你是AI吗" is 你 · 是 · ai · 吗).
pub(super) fn units(text: &str) -> Vec<&str> {
    unit_spans(text).into_iter().map(|r| &text[r]).collect()
}

/// The byte ranges of [`units`] in `text`.
fn unit_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        let mut latin = None;
        for (i, c) in word.char_indices() {
            if is_cjk(c) {
                if let Some(start) = latin.take() {
                    out.push(at + start..at + i);
                }
                out.push(at + i..at + i + c.len_utf8());
            } else if latin.is_none() {
                latin = Some(i);
            }
        }
        if let Some(start) = latin {
            out.push(at + start..at + word.len());
        }
        at += word.len() + 1;
    }
    out
}

/// Emoji that say a whole message on their own ("🙏🙏🙏"); normalising drops them, so they are
/// looked for in the message as typed.
const EMOJI: &[(char, SmallTalk)] = &[
    ('🙏', SmallTalk::Thanks),
    ('👍', SmallTalk::Thanks),
    ('❤', SmallTalk::Thanks),
    ('💯', SmallTalk::Thanks),
    ('👌', SmallTalk::Thanks),
    ('👏', SmallTalk::Thanks),
    ('🙌', SmallTalk::Thanks),
    ('🤝', SmallTalk::Thanks),
    ('👋', SmallTalk::Greeting),
    ('✅', SmallTalk::Thanks),
    ('😘', SmallTalk::Thanks),
    ('🥰', SmallTalk::Thanks),
    ('😍', SmallTalk::Thanks),
    ('💕', SmallTalk::Thanks),
    ('🫡', SmallTalk::Thanks),
    ('😴', SmallTalk::Greeting),
];

/// Emoji that only decorate what the others say ("👍👍👍✨"): they neither make small talk
/// on their own nor break a message of emoji that do.
const DECORATION: &[char] = &[
    '✨', '🔥', '🎉', '😄', '😆', '😊', '🙂', '😀', '😁', '😂', '🤣', '💪',
];

/// A phrase cut into units, and what it says.
type Phrase = (Vec<&'static str>, Option<SmallTalk>);

/// The phrases cut into units, filed by their first and by their last unit.
struct Phrases {
    by_first: HashMap<&'static str, Vec<Phrase>>,
    by_last: HashMap<&'static str, Vec<Phrase>>,
}

/// The phrases, cut into units and filed once per process: every message is checked against
/// them at every unit, so only the phrases that can fit there are tried.
fn phrases() -> &'static Phrases {
    static PHRASE_UNITS: OnceLock<Phrases> = OnceLock::new();
    PHRASE_UNITS.get_or_init(|| {
        let mut filed = Phrases {
            by_first: HashMap::new(),
            by_last: HashMap::new(),
        };
        for &(p, kind) in PHRASES {
            let cut = units(p);
            let (Some(&first), Some(&last)) = (cut.first(), cut.last()) else {
                continue;
            };
            filed
                .by_last
                .entry(last)
                .or_default()
                .push((cut.clone(), kind));
            filed.by_first.entry(first).or_default().push((cut, kind));
        }
        filed
    })
}

/// The longest phrase `units` starts with, or with `at_end` ends with. Longest first, so
/// "thank you" is not read as an unknown "thank".
fn longest(units: &[&str], at_end: bool) -> Option<&'static Phrase> {
    let filed = phrases();
    let fits = |p: &&Phrase| {
        if at_end {
            units.ends_with(&p.0)
        } else {
            units.starts_with(&p.0)
        }
    };
    let key = if at_end { units.last() } else { units.first() };
    let by = if at_end {
        &filed.by_last
    } else {
        &filed.by_first
    };
    by.get(*key?)?
        .iter()
        .filter(fits)
        .max_by_key(|(p, _)| p.len())
}

/// The phrases `units` opens with, in order, each with the unit it starts at: longest first,
/// until a unit that opens none.
fn leading<'u>(units: &'u [&'u str]) -> impl Iterator<Item = (usize, &'static Phrase)> + 'u {
    let mut at = 0;
    std::iter::from_fn(move || {
        let phrase = longest(&units[at..], false)?;
        at += phrase.0.len();
        Some((at - phrase.0.len(), phrase))
    })
}

/// The phrases `units[from..]` closes with, last first, each with the unit it starts at.
fn trailing<'u>(
    units: &'u [&'u str],
    from: usize,
) -> impl Iterator<Item = (usize, &'static Phrase)> + 'u {
    let mut end = units.len();
    std::iter::from_fn(move || {
        let phrase = longest(&units[from..end], true)?;
        end -= phrase.0.len();
        Some((end, phrase))
    })
}

/// What a message says so far, given one more kind found in it: help asks more than thanks,
/// and thanks more than a greeting.
fn with(found: Option<SmallTalk>, kind: SmallTalk) -> Option<SmallTalk> {
    Some(found.map_or(kind, |k| k.max(kind)))
}

/// A message as the small-talk rules read it: normalised once (NFKC, case, traditional →
/// simplified) with stretched letters folded ("hiii" → "hi"), beside the text as typed, whose
/// emoji and question marks normalising drops. Every rule asked about one message reads it
/// from here rather than normalising it again.
pub struct Message<'m> {
    typed: &'m str,
    text: String,
    /// Where [`units`] cuts `text`, found once: every rule reads them.
    units: Vec<Range<usize>>,
}

impl<'m> Message<'m> {
    /// Reads a message as typed, with what it quotes set aside: a quotation's "you" is not the
    /// bot spoken to.
    pub fn new(typed: &'m str) -> Message<'m> {
        let text = unstretched(&normalise(&without_quotes(typed)));
        let units = unit_spans(&text);
        Message { typed, text, units }
    }

    /// The units the phrases are matched on (see [`units`]).
    fn units(&self) -> Vec<&str> {
        self.units.iter().map(|r| &self.text[r.clone()]).collect()
    }

    /// Whether it was typed with a question mark.
    fn asks_plainly(&self) -> bool {
        self.typed.contains(['?', '？'])
    }

    /// Whether it was typed with a question mark that asks something: one closing a question
    /// whether the bot is there ("在吗？赶方案中，先跟你打个招呼", "you there? just saying hi")
    /// greets.
    fn asks_beyond_presence(&self) -> bool {
        self.typed.match_indices(['?', '？']).any(|(at, _)| {
            let before = unstretched(&normalise(&self.typed[..at]));
            let units: Vec<&str> = unit_spans(&before)
                .into_iter()
                .map(|r| &before[r])
                .collect();
            !PRESENCE_CHECKS.iter().any(|p| units.ends_with(p))
        })
    }
}

/// Quotation marks that open and close a quotation. Straight single quotes are apostrophes
/// as often, so they quote only from a word's start to a word's end ("Colab says 'You cannot
/// connect'", not "don't … it's").
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('"', '"'),
    ('「', '」'),
    ('『', '』'),
    ('‘', '’'),
    ('\'', '\''),
];

/// Stands for a quotation left out: a word no phrase or filler list holds, so what was quoted
/// still counts as something named ("文章里“推理优化”那部分推荐了哪几篇" asks for a section).
const QUOTATION: &str = " quotation ";

/// The text with every closed quotation replaced by the word "quotation" (an unclosed mark is
/// kept as typed): what a message quotes is not said to the bot. The "you" of "“Attention is all
/// you need”这句话怎么翻译" or of "“您”和“你”怎么用" is not the bot spoken to.
fn without_quotes(typed: &str) -> Cow<'_, str> {
    // Most messages quote nothing, and are read as typed without a copy.
    if !typed.contains(|c: char| QUOTES.iter().any(|q| q.0 == c)) {
        return Cow::Borrowed(typed);
    }
    let chars: Vec<(usize, char)> = typed.char_indices().collect();
    let straight = |i: usize| chars[i].1 == '\'';
    // A straight single quote opens at a word's start and closes at a word's end.
    let opens = |i: usize| {
        !straight(i)
            || (i == 0 || chars[i - 1].1.is_whitespace())
                && chars.get(i + 1).is_some_and(|c| !c.1.is_whitespace())
    };
    let closes = |j: usize| {
        !straight(j)
            || !chars[j - 1].1.is_whitespace()
                && chars.get(j + 1).is_none_or(|c| !c.1.is_alphanumeric())
    };
    let mut out = String::with_capacity(typed.len());
    let mut copied = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let quoted = QUOTES
            .iter()
            .find(|q| q.0 == c && opens(i))
            .and_then(|q| (i + 1..chars.len()).find(|&j| chars[j].1 == q.1 && closes(j)));
        match quoted {
            Some(end) => {
                out.push_str(&typed[copied..at]);
                out.push_str(QUOTATION);
                copied = chars.get(end + 1).map_or(typed.len(), |&(b, _)| b);
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out.push_str(&typed[copied..]);
    Cow::Owned(out)
}

/// A message of emoji alone, when every emoji in it says the same thing.
fn emoji_only(message: &str) -> Option<SmallTalk> {
    let mut found = None;
    for c in message
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{fe0f}' && !DECORATION.contains(c))
    {
        let (_, kind) = EMOJI.iter().find(|(e, _)| *e == c)?;
        if found.is_some_and(|k| k != *kind) {
            return None;
        }
        found = Some(*kind);
    }
    found
}

/// The small talk a whole message amounts to, if it is nothing else. When a message mixes
/// kinds ("hi, what can you do?"), help wins over thanks over a greeting: it asks the most.
pub fn recognise(message: &Message) -> Option<SmallTalk> {
    let have = message.units();
    if have.is_empty() {
        return emoji_only(message.typed);
    }
    read_phrases(&have, |_| None)
        .and_then(|found| found.or_else(|| acknowledges(&have).then_some(SmallTalk::Thanks)))
        .or_else(|| sounds_like_a_phrase(&have))
}

/// Words that acknowledge an answer ("ok", "好的", "okie dokie", "get✅"). They are fillers,
/// which "ok so how does this work" or "好的，那 LoRA 呢" pass on their way to the question;
/// a message of fillers alone that acknowledges thanks.
const ACKNOWLEDGING: &[&str] = &[
    "ok", "okay", "okie", "dokie", "alright", "get", "好的", "好", "嗯", "好滴", "好嘞", "好哒",
];

/// Whether a message of fillers alone acknowledges (`units` read as phrases by
/// [`read_phrases`], none of them small talk).
fn acknowledges(units: &[&str]) -> bool {
    let mut at = 0;
    let mut acknowledged = false;
    while at < units.len() {
        let Some(best) = longest(&units[at..], false) else {
            return false;
        };
        acknowledged |= ACKNOWLEDGING.contains(&best.0.concat().as_str());
        at += best.0.len();
    }
    acknowledged
}

/// The small talk of a Chinese message that sounds like one of the phrases: a pinyin
/// keyboard's wrong candidate ("你号" for 你好, "感写分享" for 感谢分享). Only a whole message
/// of ideographs is looked up, against phrases of two characters or more, so no sentence is
/// read as a greeting because some part of it sounds like one.
fn sounds_like_a_phrase(units: &[&str]) -> Option<SmallTalk> {
    static BY_SOUND: OnceLock<HashMap<String, SmallTalk>> = OnceLock::new();
    if !units.iter().all(|u| u.chars().all(is_cjk)) {
        return None;
    }
    let by_sound = BY_SOUND.get_or_init(|| {
        let mut by_sound = HashMap::new();
        for &(phrase, kind) in PHRASES {
            let Some(kind) = kind else { continue };
            if phrase.chars().count() < 2 || !phrase.chars().all(is_cjk) {
                continue;
            }
            if let Some(key) = pinyin::key(phrase, Pinyin::Exact) {
                by_sound.entry(key).or_insert(kind);
            }
        }
        by_sound
    });
    by_sound
        .get(&pinyin::key(&units.concat(), Pinyin::Exact)?)
        .copied()
}

/// Reads `units` as phrases end to end, what they say together; where no phrase starts,
/// `skip` says how many units may be passed over. `None` when some unit is neither.
fn read_phrases(
    units: &[&str],
    skip: impl Fn(&[&str]) -> Option<usize>,
) -> Option<Option<SmallTalk>> {
    let mut found: Option<SmallTalk> = None;
    let mut at = 0;
    while at < units.len() {
        match longest(&units[at..], false) {
            Some(best) => {
                if let Some(kind) = best.1 {
                    found = with(found, kind);
                }
                at += best.0.len();
            }
            None => at += skip(&units[at..])?,
        }
    }
    Some(found)
}

/// The small talk of a message made only of small-talk phrases and words that name nothing
/// (`filler`, the query pipeline's judgement of a word or a run of ideographs):
/// "哈喽 我又来了", "这 bot 有点东西啊 牛", "is this thing free to use". The phrase list cannot hold
/// every way of putting a greeting, thanks or a question about the bot, but what surrounds
/// the phrase it holds is, in small talk, words that ask nothing of the catalogue. A message
/// with no phrase at all, or only a greeting, that speaks to the bot and asks something
/// ("你是干嘛的", "你会啥", "你好 你都能帮我查些什么") asks about the bot: help.
pub fn chat_only(
    message: &Message,
    filler: impl Fn(&str) -> bool,
    asks: impl Fn(&[&str]) -> bool,
) -> Option<SmallTalk> {
    let have = message.units();
    let to_the_bot = Mentions::of(&have).any(THE_BOT, THE_BOT_ZH);
    // Asked of the bot, its whole subject names nothing in particular: "can you find me llm
    // learning resources?" asks what it does, as "what can you do" does.
    let filler = |word: &str| filler(word) || (to_the_bot && THE_SUBJECT.contains(&word));
    let found = read_phrases(&have, |rest| filler_units(rest, filler))?;
    let greets_at_most = matches!(found, None | Some(SmallTalk::Greeting));
    // "bot 在吗", "you alive in here?" ask only whether the bot is there: a greeting, whose
    // question mark is its own.
    let rest = without_presence_checks(&have);
    let asks_more = if rest.len() < have.len() {
        asks(&rest)
    } else {
        message.asks_plainly() || asks(&have)
    };
    if greets_at_most && to_the_bot && asks_more {
        return Some(SmallTalk::Help);
    }
    found
}

/// Questions whether the bot is there, or how it is ("how are you today?" greets; it asks
/// nothing of the catalogue), as units.
const PRESENCE_CHECKS: &[&[&str]] = &[
    &["how", "are", "you", "doing"],
    &["how", "are", "you"],
    &["how", "r", "u"],
    &["你", "好", "吗"],
    &["您", "好", "吗"],
    &["在", "吗"],
    &["在", "不", "在"],
    &["在", "线", "吗"],
    &["心", "情", "好", "吗"],
    &["心", "情", "怎", "么", "样"],
    &["有", "人", "吗"],
    &["you", "alive"],
    &["you", "there"],
    &["you", "around"],
    &["u", "around"],
    &["you", "awake"],
    &["anyone", "there"],
    &["anyone", "here"],
    &["anyone", "around"],
];

/// `units` without the questions whether the bot is there.
fn without_presence_checks<'u>(units: &[&'u str]) -> Vec<&'u str> {
    let mut rest = Vec::with_capacity(units.len());
    let mut at = 0;
    while at < units.len() {
        match PRESENCE_CHECKS.iter().find(|p| units[at..].starts_with(p)) {
            Some(p) => at += p.len(),
            None => {
                rest.push(units[at]);
                at += 1;
            }
        }
    }
    rest
}

/// How many units at the start of `units` make one word that names nothing: a Latin word, or
/// the longest run of up to four ideographs that is such a word.
fn filler_units(units: &[&str], filler: impl Fn(&str) -> bool) -> Option<usize> {
    // A count ("为啥只给三个链接"), what points at the bot or what it sends ("the link you
    // sent") and the letters of a kaomoji ("(´･ω･`)", neither Latin nor Chinese) name nothing
    // to look for either.
    let names_nothing = |word: &str| {
        filler(word)
            || word.bytes().all(|b| b.is_ascii_digit())
            || !word.chars().any(|c| c.is_ascii_alphanumeric() || is_cjk(c))
            || word.chars().all(|c| "一二两三四五六七八九十几".contains(c))
            || THE_BOT.contains(&word)
            || THE_BOT_ZH.contains(&word)
    };
    let first = units.first()?;
    if first.is_ascii() {
        return names_nothing(first).then_some(1);
    }
    let han = units.iter().take(4).take_while(|u| !u.is_ascii()).count();
    (1..=han)
        .rev()
        .find(|&n| names_nothing(&units[..n].concat()))
}

/// Whether a message opens (after any greeting) by asking how to use the bot, naming it or
/// speaking to it: "how does this bot work? do I just type a topic like quantization or a full
/// question?", "怎么用你？直接发关键词比如蒸馏就行吗". The catalogue words after such an opening are
/// examples of what to type, not the question, so the message is help even though they would
/// find something.
pub fn opens_asking_how_to_use(message: &Message) -> bool {
    if opens_with_help_command(message.typed) {
        return true;
    }
    let have = message.units();
    leading(&have)
        .find(|(_, phrase)| phrase.1 == Some(SmallTalk::Help))
        .is_some_and(|(at, phrase)| {
            let next = have.get(at + phrase.0.len());
            // "how do you work out the pipeline bubble" asks how to work something out.
            let worked_on = phrase.0.last() == Some(&"work")
                && next.is_some_and(|u| WORK_PARTICLES.contains(u));
            how_to_use_the_bot(&phrase.0) && !worked_on
        })
}

/// Words after "work" that make it another verb: work out, work on, work with, work through.
const WORK_PARTICLES: &[&str] = &["out", "on", "with", "through", "around"];

/// Whether a message opens with the bots' help or start command, with whatever follows it
/// ("/help 有哪些 command 可以用", "/help@ganhuo_bot"): the chat apps send what follows a command as
/// its arguments, and the command is what was asked.
fn opens_with_help_command(typed: &str) -> bool {
    Command::parse(typed).is_some_and(|c| {
        c.name.eq_ignore_ascii_case("help") || c.name.eq_ignore_ascii_case("start")
    })
}

/// Whether a help phrase asks how the bot is used: it names the bot or speaks to it, and asks
/// how it works or is used ("how does this bot work", "how do i use you", "怎么用你"), unlike
/// "are you a bot" or "你是谁", which a real question may follow.
fn how_to_use_the_bot(phrase: &[&str]) -> bool {
    let text = phrase.concat();
    let names = phrase
        .iter()
        .any(|u| matches!(*u, "bot" | "you" | "你" | "您"))
        || text.contains("机器人");
    let usage = phrase
        .iter()
        .any(|u| matches!(*u, "use" | "work" | "ask" | "用" | "问"));
    names && usage
}

/// Whether a phrase found at the edge of a longer message is a clear sign: a lone ideograph
/// ("早" of 早点睡) is too weak, but for 嗨, which says nothing else; and praise or a time of
/// day that also opens ordinary statements ([`ONLY_ALONE`]) counts only as a whole message.
fn strong(phrase: &[&str]) -> bool {
    (phrase.len() > 1 || !phrase[0].chars().all(is_cjk) || phrase[0] == "嗨")
        && !ONLY_ALONE.contains(&phrase.concat().as_str())
}

/// Latin words that ask for something more after thanks ("thanks, more on LoRA please").
#[rustfmt::skip]
const REQUESTS: &[&str] = &[
    "please", "pls", "plz", "more", "another", "also", "other", "else", "send", "give", "show",
    "recommend", "want", "need", "any", "now", "next",
];

/// Chinese that asks for something more after thanks ("谢谢，再来几篇 LoRA 的").
#[rustfmt::skip]
const REQUESTS_ZH: &[&str] = &[
    "再", "还要", "还有", "求", "推荐", "来点", "来几", "来一", "给我", "发我", "发一下", "想要", "想看",
    "想学", "更多", "其他", "另外", "别的", "有没有", "帮我", "下一", "麻烦", "顺便", "也要",
];

/// Latin words that make the middle of a thank-you a remark on what was read ("that post
/// was great", "the tutorial helped", "thanks for the links") rather than the next topic
/// ("thanks, LoRA tutorial, thanks").
#[rustfmt::skip]
const REMARKS: &[&str] = &[
    "was", "were", "helped", "helps", "helpful", "useful", "great", "good", "nice", "awesome",
    "perfect", "read", "reading", "check", "checking", "look", "looking", "done", "for",
    "worked", "works", "working", "fixed", "solved", "saved", "decent", "answered", "clear",
    "sorted", "finally", "click", "clicked",
];

/// Latin words for what the bot sent, which a remark before a closing thanks is about ("that
/// flash attention link was exactly what i needed, ty bot", "answered in like 2 seconds with
/// a decent link. thanks").
#[rustfmt::skip]
const SENT: &[&str] = &[
    "link", "links", "post", "posts", "article", "articles", "video", "tutorial", "guide", "answer",
    "diagram", "diagrams", "page", "pages", "doc", "docs", "repo", "paper", "blog", "explainer",
];

/// Chinese for what the bot sent ("这个 KV cache 的文章 nice，thanks").
const SENT_ZH: &[&str] = &["文章", "链接", "教程", "视频", "那篇", "这篇", "资料"];

/// Chinese remarks on what was read ("很有用", "我先看看", "今天就到这").
#[rustfmt::skip]
const REMARKS_ZH: &[&str] = &[
    "有用", "不错", "很好", "挺好", "先看", "看看", "看完", "收藏", "到这", "就到", "帮助", "学到", "懂了",
    "写得", "清楚", "看懂", "终于", "跑通", "解决了", "好使", "就懂", "秒懂",
    // What the links saved the asker ("省了好几天", "节省了不少时间"); "帮我省了" too, its 帮我 set
    // aside (see `without_help_that_saved`), but not "帮我省点": 帮我 asks
    // for something.
    "省了", "省下", "节省了",
    // What is now settled for the asker ("谢谢！周三的课有着落了").
    "有着落", "有救了",
    // What the asker got from it ("你帮我很大的忙了，我今天学了很多").
    "学了很多", "学了不少", "大忙", "的忙了",
    // That it was what the asker wanted ("kv-cache 那几篇正好是我要的").
    "是我要的", "是我想要的",
];

/// Latin words that report something working ("vllm works now", "got it running").
#[rustfmt::skip]
const WORKING: &[&str] = &[
    "works", "worked", "working", "running", "runs", "fixed", "solved", "installed",
];

/// Chinese reports of something working ("装好了", "跑起来了", "能用了").
#[rustfmt::skip]
const WORKING_ZH: &[&str] = &[
    "跑起来", "跑通", "装好", "搞定", "解决了", "好使", "成功了", "能用了", "可以用了",
];

/// Latin words that report having understood ("understood now, thanks", "gotcha, thx", "the
/// diagrams finally made it click").
const UNDERSTOOD: &[&str] = &["understood", "gotcha", "clicked", "click"];

/// Chinese reports of having understood, often of a mix-up set right ("哦原来 NCCL 不是显卡 是通信
/// 库啊，懂了 thx", "我一直以为 NCCL 是显卡，笑死，感谢").
#[rustfmt::skip]
const UNDERSTOOD_ZH: &[&str] = &[
    "懂了", "明白了", "搞懂了", "弄懂了", "原来如此", "原来是", "一直以为", "恍然大悟",
];

/// Words that turn a report of something working into one of it failing ("not working",
/// "没跑起来").
const NOT: &[&str] = &[
    "not", "no", "never", "doesn", "didn", "isn", "won", "cannot", "still",
];
const NOT_ZH: &[&str] = &["没", "不", "未"];

/// Whether the closing phrase at `at`, after an opening that ends at `start`, is negated by the
/// unit before it: "被同事笑不懂了" does not understand, so it closes with no thanks.
fn negated(units: &[&str], start: usize, at: usize) -> bool {
    at > start && NOT_ZH.contains(&units[at - 1])
}

/// Some units of a message, looked up in two word lists: Latin words as whole units, Chinese
/// anywhere in the message's ideographs run together (Chinese has no spaces to cut at).
struct Mentions<'u> {
    units: &'u [&'u str],
    han: String,
}

impl<'u> Mentions<'u> {
    fn of(units: &'u [&'u str]) -> Mentions<'u> {
        let han = units.iter().filter(|u| !u.is_ascii()).copied().collect();
        Mentions { units, han }
    }

    /// Whether any Latin word of `latin` or any Chinese string of `chinese` is mentioned.
    fn any(&self, latin: &[&str], chinese: &[&str]) -> bool {
        self.units.iter().any(|u| latin.contains(u)) || chinese.iter().any(|w| self.han.contains(w))
    }

    /// Forgets the Chinese phrases of `phrases` wherever they stand, so that no word inside
    /// them is mentioned ("我们的聊天机器人" holds the bot's 机器人).
    fn forget(&mut self, phrases: &[&str]) {
        for p in phrases {
            if self.han.contains(p) {
                self.han = self.han.replace(p, "·");
            }
        }
    }

    /// Whether the words of any of `phrases` are said in a row.
    fn any_in_a_row(&self, phrases: &[&[&str]]) -> bool {
        phrases
            .iter()
            .any(|p| self.units.windows(p.len()).any(|w| w == *p))
    }
}

/// Whether a message thanks the bot for what it sent and remarks on it: thanks at the start,
/// then a remark and neither a question nor a request, and at most thanks or goodbye after it
/// ("thanks!! that illustrated transformer post was great", "ok收到，Triton的文档我先看
/// 看，thx", "谢谢，那篇讲注意力的文章写得真清楚"). The catalogue words in it name what
/// was read; sending their links again would read as not listening. A greeting at the start
/// opens a request instead ("你好，LoRA 教程，谢谢"); a middle with no remark may be the next
/// topic ("thanks, LoRA tutorial, thanks"); "thanks, more on QLoRA please" asks for more.
/// A report that something works may come first, thanked at the end ("vllm works now,
/// thanks", "got it running, thanks!!", "装好了，多谢"): the tool named is what now works.
pub fn thanks_with_a_remark(message: &Message, asks: impl Fn(&[&str]) -> bool) -> bool {
    if message.asks_plainly() {
        return false;
    }
    let have = message.units();
    // The first phrase that says something, and the last, with where the rest lies between.
    let mut start = 0;
    let mut opens = None;
    for (at, p) in leading(&have) {
        // Praise before thanks ("不错，谢谢！周三的课有着落了") opens as the thanks does.
        if opens.is_some() && p.1.is_some_and(|kind| kind != SmallTalk::Thanks) {
            break;
        }
        start = at + p.0.len();
        if let Some(kind) = p.1 {
            let strong = strong(&p.0);
            opens = Some((kind, strong));
            if strong || kind != SmallTalk::Thanks {
                break;
            }
        }
    }
    let mut end = have.len();
    let mut closes = None;
    for (at, p) in trailing(&have, start) {
        if says_how_much(&have[..at], p) {
            break;
        }
        end = at;
        if let Some(kind) = p.1 {
            closes = Some(kind);
            break;
        }
    }
    if closes.is_some() && negated(&have, start, end) {
        return false;
    }
    let rest = &have[start..end];
    // The closing thanks may be the remark ("感谢，量化那几篇我收藏了").
    let thanked_first = opens == Some((SmallTalk::Thanks, true))
        && matches!(closes, None | Some(SmallTalk::Thanks | SmallTalk::Greeting))
        && Mentions::of(&have[start..]).any(REMARKS, REMARKS_ZH);
    let reported = !thanked_first
        && matches!(opens, None | Some((SmallTalk::Thanks, _)))
        && closes == Some(SmallTalk::Thanks);
    if !(thanked_first || reported) {
        return false;
    }
    // "帮我省了一整个周末" says what the links saved, done (了); "帮我省点时间" still asks.
    let rest = &without_help_that_saved(rest);
    let mut said = Mentions::of(rest);
    // What the bot recommended before is what the thanks are for ("你推荐的剪枝文章帮我们省了
    // 不少钱"): 推荐 there asks for nothing more.
    said.forget(RECOMMENDED_ZH);
    // A report says something works, and not that it does not ("not working", "没跑起来"), or
    // that the asker now understands; a Chinese one often says what a thing is not ("原来 NCCL
    // 不是显卡"), so only the Latin one is turned round ("not understood").
    let works = said.any(WORKING, WORKING_ZH) && !said.any(NOT, NOT_ZH);
    let understood =
        said.any(&[], UNDERSTOOD_ZH) || said.any(UNDERSTOOD, &[]) && !said.any(NOT, &[]);
    // Or it remarks on what was sent ("that flash attention link was exactly what i needed").
    let remarked = said.any(SENT, SENT_ZH) && said.any(REMARKS, REMARKS_ZH);
    // Or it says the link sent is the one looked for ("yes!! that's the one with the ring
    // animation, thanks a ton", "就是这篇，谢谢"): what it describes was found.
    let found = said.any_in_a_row(FOUND) || said.any(&[], FOUND_ZH);
    if reported && !(works || understood || remarked || found) {
        return false;
    }
    // After a report, "now" says when it began to work, not what to send next.
    let requests_more = said
        .units
        .iter()
        .any(|u| REQUESTS.contains(u) && !(reported && *u == "now"))
        || said.any(&[], REQUESTS_ZH);
    !asks(rest) && !requests_more
}

/// Latin phrases saying that what was sent is what the asker looked for.
const FOUND: &[&[&str]] = &[
    &["that", "s", "the", "one"],
    &["that", "is", "the", "one"],
    &["this", "is", "the", "one"],
    &["thats", "the", "one"],
    &["found", "it"],
    &["exactly", "the", "one"],
];

/// Chinese saying that what was sent is what the asker looked for.
const FOUND_ZH: &[&str] = &[
    "就是这个",
    "就是这篇",
    "就是它",
    "就是这张",
    "就是那篇",
    "就是那个",
    "找到了",
];

/// What the bot recommended before, in a thank-you.
const RECOMMENDED_ZH: &[&str] = &["你推荐的", "您推荐的", "之前推荐的", "推荐过的"];

/// How many units after 帮我 a favour done may end ("帮我很大的忙了").
const FAVOUR_REACH: usize = 4;
/// How many units after 帮我 what was saved may be said ("帮我们每个月省了").
const SAVED_REACH: usize = 6;

/// The units of a remark without the 帮我 of what the links saved the asker, done ("你帮我省
/// 了一整个周末", "帮我节省了不少时间"), which otherwise asks as "help me" does.
fn without_help_that_saved<'u>(units: &[&'u str]) -> Vec<&'u str> {
    let mut kept = Vec::with_capacity(units.len());
    let mut at = 0;
    while at < units.len() {
        let after = &units[at..];
        // "帮我很大的忙了", "帮我大忙了", "帮我们每个月省了一大笔": a favour done, not one asked.
        let helped = after.starts_with(&["帮", "我"]);
        let who = if after.get(2) == Some(&"们") { 3 } else { 2 };
        let done = |what: &str, reach: usize| {
            helped
                && after[who..]
                    .windows(2)
                    .take(reach)
                    .any(|w| w == [what, "了"])
        };
        if done("忙", FAVOUR_REACH) || done("省", SAVED_REACH) {
            at += who;
            continue;
        }
        kept.push(units[at]);
        at += 1;
    }
    kept
}

/// Words that point at the bot or at what it sends: "can I suggest a link for you to add?",
/// "这些链接都是从哪里来的".
#[rustfmt::skip]
const THE_BOT: &[&str] = &[
    "you", "your", "u", "bot", "ganhuo", "link", "links", "search", "chat", "你", "您",
];

/// The bot's whole subject, in the words of someone asking what it can find.
#[rustfmt::skip]
const THE_SUBJECT: &[&str] = &[
    "llm", "llms", "ai", "learning", "resources", "resource", "materials", "大模型", "大语言模型",
    "资料", "学习资料", "学习",
];

/// Chinese that points at the bot or at what it sends.
#[rustfmt::skip]
const THE_BOT_ZH: &[&str] = &[
    "机器人", "链接", "资源", "资料库", "搜索", "干货", "回复",
    // How a formal letter names the bot ("敬请告知：本系统可提供哪些方面的资料查询服务？").
    "本系统",
];

/// Latin words asking how the bot is made or used: the languages it speaks, where its links
/// come from, whether one may suggest more, how a question is typed (or pasted: "can I just
/// paste an error into this chat").
#[rustfmt::skip]
const BOT_MATTERS: &[&str] = &[
    "english", "chinese", "language", "languages", "suggest", "submit", "contribute", "add",
    "source", "sources", "come", "comes", "keyword", "keywords", "type", "typing", "free",
    "remember", "remembers", "forget", "forgets", "phrase", "ask", "questions", "topics",
    "invite", "privacy", "maintain", "maintains", "maintained", "opensource", "update",
    "updates", "updated", "progress", "context", "dm", "dms", "difficulty", "command", "commands",
    "bookmark", "bookmarks", "bookmarking", "paste", "pasting",
    // "why did you give me nothing?", "can I get fewer links?", "why do you keep giving me the
    // same links"
    "nothing", "fewer", "same", "reply", "replied", "respond",
];

/// Chinese asking how the bot is made or used.
#[rustfmt::skip]
const BOT_MATTERS_ZH: &[&str] = &[
    "中文", "英文", "英语", "汉语", "语言", "收录", "投稿", "提交", "来的", "来源", "出处", "关键词", "关键字",
    "输入", "免费", "收费", "记得", "记住", "上次", "繁体", "简体", "哪些方面", "只限", "范围", "开源",
    "拉进群", "加到群", "进群", "群里", "隐私", "聊天记录", "维护", "更新", "怎么用", "咋用", "用法",
    "怎么问", "咋问", "回答哪些", "回答什么", "答哪些", "使用教程", "使用说明", "学习进度", "进度",
    "记忆", "私聊", "难度", "讲解", "只能",
    // Whether it is there at night, why it said nothing or is slow, whether it makes links up,
    // being pulled into a group ("你晚上也在线吗", "为什么你啥都没回我", "你会不会乱编链接").
    "在线", "没回", "不回", "没反应", "不理", "这么慢", "好慢", "太慢", "乱编", "瞎编", "编造", "拉进",
    // Its group, its price, its silence and its languages as Taiwan and Hong Kong write them
    // ("可以把你加到我們的群組嗎", "呢個 bot 使唔使俾錢", "點解你乜都冇覆我", "你識唔識講廣東話").
    "群组", "加到", "俾钱", "要钱", "付费", "冇覆", "冇回", "广东话", "粤语", "推荐连结", "推荐链接",
    "分享给你",
    // Its search that found nothing, and its being down ("怎么什么都没搜到，你是不是没听懂我的话",
    // "bot 你是不是又宕机了"). A link that does not open is most often some other page's.
    "没搜到", "没听懂", "听不懂", "宕机", "拉你进", "拉你",
];

/// Words up to two before "bot" that make it somebody else's ("a music bot", "my own bot").
const ANOTHER: &[&str] = &[
    "a", "an", "my", "our", "their", "his", "her", "another", "own",
];

/// What may stand before "link" when it means the bot's links: an article, a pointer, a
/// number or a measure word ("suggest a link", "能不能一次多给点 links"). A name before it makes
/// it that thing's page ("小红书 link", "the pack link isnt loading").
#[rustfmt::skip]
const LINK_POINTERS: &[&str] = &[
    "a", "an", "the", "your", "ur", "these", "those", "this", "that", "more", "some", "any", "all",
    "dead", "broken", "fewer", "same", "good", "useful", "one", "点", "些", "个", "的", "条", "几", "这", "那",
];

/// Titles a letter opens on when it is written to a teacher or professor ("Dear Professor,",
/// "Dear Dr. Chen"): the Latin ones whole, as the message's first words.
const TO_A_TEACHER: &[&str] = &[
    "dear professor",
    "dear prof",
    "dear dr",
    "dear doctor",
    "hello professor",
    "hi professor",
];
/// A teacher's titles after a surname ("王老师您好", "尊敬的李教授").
const TEACHER_ZH: &[&str] = &["老师", "教授", "导师"];

/// Whether a message opens as a letter to a teacher or professor by title ("Dear Professor, I
/// would be most grateful to know whether you are accepting…", "王老师您好，…能否麻烦您为我写一封推荐
/// 信"): its "you" is theirs, and what it asks of them is no question about the bot. 老师 alone
/// is how some greet anyone, the bot included ("老师好，LoRA 怎么调"); after a surname it names
/// a person. Read on the text the phrases are read on, which every message already has.
pub fn to_a_teacher(message: &Message) -> bool {
    let text = message.text.trim_start();
    let latin = TO_A_TEACHER.iter().any(|title| {
        text.strip_prefix(title)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_ascii_alphabetic()))
    });
    let han = text.strip_prefix("尊敬的").unwrap_or(text);
    // One character before the title: a surname ("王老师"), not "请问老师".
    let mut chars = han.chars();
    let titled = chars.next().is_some_and(is_cjk)
        && TEACHER_ZH
            .iter()
            .any(|title| chars.as_str().starts_with(title));
    latin || titled
}

/// Whether a message the catalogue has no answer to asks about the bot itself: it points at
/// the bot or at its links, and asks about a matter of the bot's own — its languages, its
/// sources, suggesting a link, how to type a question ("你支持 English 吗", "how do I search, do
/// I just type a keyword or a whole question?"). The phrase list cannot hold every way of
/// asking these; the two words together can. "How do I add a column in pandas" points at
/// nothing of the bot's and stays unanswered.
pub fn about_the_bot(message: &Message) -> bool {
    let units = message.units();
    // "how do I add a music bot to my discord server" points at a bot of the asker's.
    let have: Vec<&str> = units
        .iter()
        .enumerate()
        .filter(|&(at, u)| match *u {
            "bot" => !units[at.saturating_sub(2)..at]
                .iter()
                .any(|w| ANOTHER.contains(w)),
            // "a link", "your links", "多给点 links" are the bot's; "notion template link",
            // "小红书 link" are a page of the thing named before.
            "link" | "links" => at == 0 || LINK_POINTERS.contains(&units[at - 1]),
            _ => true,
        })
        .map(|(_, u)| *u)
        .collect();
    let mut said = Mentions::of(&have);
    said.forget(OTHER_BOTS_ZH);
    said.any(THE_BOT, THE_BOT_ZH) && said.any(BOT_MATTERS, BOT_MATTERS_ZH)
}

/// Whether a message asks the bot to shape every answer it gives, not to find something:
/// "能不能每次只给我一个链接", "能不能以后只给我中文的资料", "can you only send one link each
/// time?". It asks the bot (能不能, "can you") and asks for a standing rule (只给我, 以后, 每次,
/// "only", "from now on"). Only a message that names nothing to find is weighed so (see
/// `Engine::find`): "能不能只给我 vllm 的中文教程" asks for vLLM.
pub fn shapes_answers(message: &Message) -> bool {
    let have = message.units();
    let said = Mentions::of(&have);
    let asks = said.any_in_a_row(ASKS_THE_BOT) || said.any(&[], ASKS_THE_BOT_ZH);
    let rule = said.any_in_a_row(STANDING_RULE) || said.any(&[], STANDING_RULE_ZH);
    asks && rule
}

/// Asking the bot to do something.
const ASKS_THE_BOT: &[&[&str]] = &[
    &["can", "you"],
    &["could", "you"],
    &["can", "u"],
    &["would", "you"],
    &["will", "you"],
    &["is", "it", "possible"],
    &["please"],
    &["pls"],
    &["plz"],
];

/// Asking the bot to do something, in Chinese.
#[rustfmt::skip]
const ASKS_THE_BOT_ZH: &[&str] = &[
    "能不能", "可不可以", "能否", "可以只", "能只", "以后都", "以后只", "麻烦以后",
    "能少", "可以少", "能多", "可以多", "可唔可以", "得唔得",
];

/// A rule for every answer from now on.
const STANDING_RULE: &[&[&str]] = &[
    &["only"],
    &["from", "now", "on"],
    &["every", "time"],
    &["each", "time"],
    &["always"],
];

/// A rule for every answer from now on, in Chinese.
#[rustfmt::skip]
const STANDING_RULE_ZH: &[&str] = &[
    "只给我", "只发", "只推", "只要", "只回", "以后", "每次", "一次只", "按视频", "按类型", "分类给我",
    "少给", "少发", "多给", "多发", "少啲", "只给一",
];

/// Chinese for a bot or a search that is not this one: the asker's own chatbot ("用户隐私政策
/// 怎么写 我们的聊天机器人会把对话记录存下来"), a customer-service bot, a search engine ("官网做
/// 搜索引擎优化 关键词该怎么选"), a search algorithm; and a game's or a computer's resources
/// ("更新完一直弹资源包校验失败", "资源管理器").
#[rustfmt::skip]
const OTHER_BOTS_ZH: &[&str] = &[
    "我们的聊天机器人", "我们的问答机器人", "我们的机器人", "我的机器人", "自己的聊天机器人", "自己的机器人",
    "公司的机器人", "客服机器人", "搜索引擎", "资源包", "资源管理器", "资源占用",
    // A search box on a page ("搜索框自动补全，热词怎么维护").
    "搜索框", "搜索栏",
    // The bots of a chat platform, which a group sets up itself ("飞书机器人 webhook 怎么定时推送").
    "飞书机器人", "钉钉机器人", "微信机器人", "企业微信机器人", "企微机器人", "群机器人",
    // Chatbots in general, as a question of philosophy or news is about them ("中文屋论证放到
    // 今天的聊天机器人身上还成立吗").
    "今天的聊天机器人", "现在的聊天机器人", "如今的聊天机器人", "这些聊天机器人", "那些聊天机器人",
    "各种聊天机器人", "市面上的聊天机器人",
    // Search as an algorithm ("深搜的剪枝技巧和记忆化搜索，先练哪个").
    "记忆化搜索", "深度优先搜索", "广度优先搜索", "二分搜索", "启发式搜索", "束搜索", "搜索算法",
];

/// Latin words for speaking to the bot in a language ("can I ask you in Chinese").
const SPEAKING: &[&str] = &[
    "ask", "answer", "answers", "reply", "speak", "talk", "write", "type",
];

/// Chinese for speaking to the bot in a language.
const SPEAKING_ZH: &[&str] = &["问", "回答", "回复", "说", "聊", "交流"];

/// Languages a user may ask the bot about speaking.
#[rustfmt::skip]
const LANGUAGES: &[&str] = &[
    "chinese", "english", "mandarin", "cantonese", "japanese", "korean", "tagalog", "hindi",
];

/// Languages a user may ask the bot about speaking, in Chinese.
#[rustfmt::skip]
const LANGUAGES_ZH: &[&str] = &[
    "中文", "英文", "英语", "汉语", "繁体", "简体", "广东话", "粤语", "日文", "日语", "韩语",
];

/// Phrases that ask what the bot covers or what it is built on, whatever catalogue words
/// follow as examples: "is there a list of the topics you cover, like training, quantization…",
/// "你是用 ChatGPT 做的吗". Latin words in a row.
const ITSELF: &[&[&str]] = &[
    &["you", "cover"],
    &["you", "only", "know"],
    &["you", "only", "answer"],
    &["you", "only", "cover"],
    &["built", "with"],
    &["made", "with"],
    &["powered", "by"],
    // "is this bot AI powered?", "are you open source?", "how do I report a broken link"
    &["bot", "ai", "powered"],
    &["you", "ai", "powered"],
    &["you", "open", "source"],
    &["bot", "open", "source"],
    &["report", "a", "broken", "link"],
    &["report", "broken", "links"],
    &["report", "a", "dead", "link"],
    // "in a group do I need to @ you?": the mention's sign is gone once normalised.
    &["need", "to", "you"],
    &["need", "to", "mention", "you"],
    &["need", "to", "tag", "you"],
    // "from where are you getting these links?": where its links come from, not where one
    // gets anything ("where do you get training data for LoRA").
    &["you", "getting", "these", "links"],
    &["you", "get", "these", "links"],
    &["you", "get", "your", "links"],
    // "what services this bot provides", "are you broken?", "r u a real person", "you're kinda
    // dumb", "you're kinda useless today"
    &["this", "bot", "provides"],
    &["services", "this", "bot"],
    &["are", "you", "broken"],
    &["r", "u", "broken"],
    &["real", "person"],
    &["you", "re", "dumb"],
    &["you", "re", "kinda", "dumb"],
    &["you", "re", "useless"],
    &["you", "re", "kinda", "useless"],
    // "can you actually do math or do you just send links?", "you answer questions or you
    // only give links?", "or do you only hand out reading links?". "Just" only after "do":
    // "could you just send me their GitHub link?" asks for a link.
    &["do", "you", "just", "send"],
    &["do", "you", "just", "give"],
    &["do", "you", "just", "hand"],
    &["you", "only", "send"],
    &["you", "only", "give"],
    &["you", "only", "hand"],
    &["bot", "only", "for"],
    &["bot", "only", "about"],
    &["you", "only", "for"],
    // "do you also do computer vision stuff or only LLMs?"
    &["you", "also", "do"],
    &["you", "also", "cover"],
    &["you", "also", "answer"],
    &["you", "also", "handle"],
    &["you", "only", "do"],
    &["you", "only", "handle"],
    &["or", "only", "llms"],
    &["or", "only", "llm"],
    // "what kind of stuff can you answer? only llm things, or chip design too?"
    &["only", "llm", "things"],
    &["only", "llm", "stuff"],
    &["kind", "of", "stuff", "can", "you"],
    &["kind", "of", "things", "can", "you"],
    // "what kind of stuff can I ask you? I'm from facilities, not ML"
    &["kind", "of", "stuff", "can", "i"],
    &["kind", "of", "things", "can", "i"],
    &["kind", "of", "questions", "can", "i"],
    &["what", "stuff", "can", "i"],
    // "is this bot for beginners too or only for people already in ML?"
    &["this", "bot", "for"],
    &["bot", "for", "beginners"],
    // "which languages do you understand?"
    &["languages", "do", "you"],
    &["languages", "can", "you"],
    // "ok so how does this work, do I just type a topic or paste my list?"
    &["do", "i", "just", "type"],
    &["do", "i", "just", "paste"],
    // "… or can I ask in normal sentences?"
    &["normal", "sentences"],
    &["full", "sentences"],
    &["plain", "sentences"],
];

/// Asking which commands there are ("what commands", "a /help command"): of the bot, when it
/// is the bot that is asked (see [`asks_about_itself`]).
const COMMANDS_ASKED: &[&[&str]] = &[
    &["what", "commands"],
    &["which", "commands"],
    &["any", "commands"],
    &["help", "command"],
    &["list", "of", "commands"],
    // "do I need to type commands or can I ask in normal sentences?"
    &["type", "commands"],
    &["need", "commands"],
];

/// The same in Chinese ("这个机器人支持哪些指令").
const COMMANDS_ASKED_ZH: &[&str] = &[
    "哪些指令",
    "哪些命令",
    "什么指令",
    "什么命令",
    "指令列表",
    "命令列表",
];

/// Verbs of making, in "is this bot run by OpenAI", "are you made by Hugging Face": with "by"
/// after them and the bot just before, they ask who is behind the bot; "do you have the
/// tutorial made by Jay Alammar" asks for a tutorial.
const MADE: &[&str] = &[
    "run",
    "made",
    "built",
    "developed",
    "created",
    "owned",
    "trained",
];

/// Words for the bot right before a verb of [`MADE`].
const MADE_WHAT: &[&str] = &["you", "u", "bot", "this", "ganhuo"];

/// Verbs of choosing what to show: with [`ITS_LINKS`], "how do you pick which links to show"
/// asks how the bot works; "how do you pick a learning rate" asks how people do.
const CHOOSING: &[&str] = &[
    "pick", "choose", "rank", "select", "curate", "filter", "sort",
];
/// Whether `units` hold a verb of [`CHOOSING`]. The rank of "low-rank" is a noun: "you got
/// a link on low-rank factorization?" asks for the method, not how the bot ranks its links.
fn chooses(units: &[&str]) -> bool {
    units.iter().enumerate().any(|(i, u)| {
        CHOOSING.contains(u)
            && !(*u == "rank" && i > 0 && matches!(units[i - 1], "low" | "high" | "full"))
    })
}

/// What the bot shows, as its users name it.
const ITS_LINKS: &[&str] = &["links", "link", "results", "sources"];

/// Chinese asking what the bot covers or what it is built on ("你的资料库都包括哪些方向").
#[rustfmt::skip]
const ITSELF_ZH: &[&str] = &[
    "你是用", "你系用", "你是基于", "你只能", "只限", "资料库都", "覆盖哪些", "包括哪些方向", "按先后顺序",
    // "能帮我推公式吗，还是只给 link？"
    "只给", "只会给", "只发",
    // "你只管大模型吗？", "你也管计算机视觉那块吗", "这个 bot 也能推荐 CV 的资料吗？", "那你能推荐计算机视觉的
    // 东西吗？还是只有大模型"
    "只管", "也管", "也能推荐", "只有大模型", "只讲大模型",
    // "还是只推荐学习资料", "能按视频/论文/书分类给我吗"
    "只推荐", "分类给我", "按类型",
    // What it can be searched by ("这个bot能按作者搜吗？我经常只记得是谁写的、发在知乎还是B站").
    "按作者", "按标题", "按来源",
    // What it recommends, and whether it can do what the asker has in mind ("这个机器人都能推荐
    // 哪方面的资料", "每学完一个你就告诉我下一个学什么，你能做到这种吗").
    "哪方面的资料", "哪些方面的资料", "你能做到",
    // Where its links come from ("你这个 bot 收录的资料都是从哪来的？是某篇 CSDN 文章吗"): a name
    // beside it is a guess at the source, not a thing to find.
    "都是从哪来", "是从哪来的", "从哪里来的", "从哪儿来的", "从哪找来的", "哪里找来的",
];

/// How the bot chose what it sent ("刚刚那个回答是怎么选出来的？"), with [`ITS_ANSWER_ZH`].
const CHOSEN_ZH: &[&str] = &["怎么选出来的", "怎么挑出来的", "怎么选的", "为什么给我这个"];
/// What the bot sent, in Chinese.
const ITS_ANSWER_ZH: &[&str] = &[
    "那个回答",
    "这个回答",
    "刚才的回答",
    "刚刚的回答",
    "你的回答",
    "这些链接",
    "那些链接",
    "你推荐的",
];

/// Asking what the bot is ("你是ChatGPT吗？还是自己训的模型", "are you GPT-4 or a human?"): the
/// normalised message holds one of these.
const WHAT_IT_IS: &[&str] = &[
    "你是chatgpt吗",
    "你是 chatgpt 吗",
    "你是gpt吗",
    "你是 gpt 吗",
    "你是ai吗",
    "你是 ai 吗",
    "你是真人",
    "你是人工还是",
    "你是人还是",
    "你是机器人吗",
    "自己训的模型",
    "are you chatgpt",
    "are you gpt",
    "are you a bot",
    "are you human",
    "are you a human",
    "are you an ai",
    "are you a real person",
];

/// Chinese after "你是" that asks who made the bot ("你是清华智谱做的吗", "你是哪家公司开发的").
const MADE_BY_ZH: &[&str] = &["做的", "开发的", "出的", "训练的", "家的"];

/// Words that ask what the bot's links take in ("do your links include arxiv papers or only
/// blog posts?").
const TAKES_IN: &[&str] = &[
    "include", "includes", "only", "contain", "contains", "cover", "covers",
];

/// Verbs of planning asked of the bot ("can you plan a learning route for me", "你能帮我规划学习
/// 路线吗"): with [`A_PLAN`] they ask whether the bot makes study plans.
const PLANNING: &[&str] = &["plan", "make", "draw", "design", "create", "build", "write"];

/// Chinese verbs of planning asked of the bot.
const PLANNING_ZH: &[&str] = &["规划", "制定", "定制", "安排", "做个", "做一个", "排个"];

/// A plan for learning, in words in a row ("study plan", "learning route").
const A_PLAN: &[&[&str]] = &[
    &["study", "plan"],
    &["learning", "plan"],
    &["learning", "route"],
    &["learning", "path"],
    &["study", "route"],
    &["study", "schedule"],
];

/// A plan for learning, in Chinese.
const A_PLAN_ZH: &[&str] = &["学习路线", "学习计划", "学习规划", "学习路径", "学习安排"];

/// The longest a message asking whether the bot makes study plans, or what it can do, can be, a
/// Latin word counting two and an ideograph one (ten words, twenty ideographs): longer names
/// what the plan is for ("can you make me a study plan that goes from LoRA to QLoRA …") or what
/// is wanted, and is answered.
const PLAN_SIZE: usize = 20;

/// Asking what the bot can do for the asker, in a row ("what can you actually help me with
/// for interview prep?"): "what can you tell me about LoRA" asks about LoRA instead.
const CAN_DO: &[&[&str]] = &[
    &["what", "can", "you", "do"],
    &["what", "can", "you", "help"],
    &["what", "can", "you", "actually", "do"],
    &["what", "can", "you", "actually", "help"],
    &["what", "can", "you", "really", "do"],
    &["what", "exactly", "can", "you", "do"],
    &["what", "else", "can", "you", "do"],
    &["what", "can", "this", "bot", "do"],
];

/// Chinese asking what the bot can do ("这个 bot 能做啥？可以帮我 prep interview 吗").
const CAN_DO_ZH: &[&str] = &[
    "能做啥",
    "能干啥",
    "能干些啥",
    "能做什么",
    "能干什么",
    "能干些什么",
    "能干嘛",
    "能做些什么",
    "可以做什么",
    "可以干什么",
    "可以干啥",
    "帮我干点啥",
    "帮我做点啥",
    "帮我干点什么",
    "帮我做点什么",
    // What it can look up ("这个机器人能帮我查啥？我是开店的").
    "能帮我查啥",
    "能帮我查什么",
    "能帮我查些什么",
    "能查啥",
    "能查什么",
    "能查些什么",
];

/// The most units a message asking whether it may be asked in a language can take.
const MAY_I_ASK_UNITS: usize = 7;

/// Ways of saying one may ask the bot in a language without addressing it ("can I ask in
/// 中文？").
const MAY_I_ASK: &[&[&str]] = &[
    &["can", "i", "ask"],
    &["can", "i", "type"],
    &["can", "i", "write"],
    &["may", "i", "ask"],
    // "can speak Chinese or not?"
    &["can", "speak"],
];

/// Chinese asking what may be asked here, which speaks to the bot without naming it ("是不是
/// 只能问大模型相关的").
const SCOPE_ZH: &[&str] = &[
    "只有中文资料",
    "只有英文资料",
    "只收录中文",
    "只收录英文",
    "只能问",
    "只可以问",
    "只能搜",
    "只能查",
    "能问别的",
    "可以问别的",
    // How it is asked: by browsing its sections, or one question at a time; in keywords or in
    // whole sentences ("这个能按分类浏览吗？还是只能一个个问", "发关键词还是发整句话？").
    "按分类浏览",
    "按分类看",
    "只能一个个问",
    "只能一个一个问",
    "发关键词还是",
    "还是发整句",
    "发整句话",
    "整句话还是",
    "关键词还是整句",
];

/// Whether a message speaks to the bot about the bot itself, even though it names catalogue
/// words: the languages it may be asked in ("can I ask you stuff in Chinese too, or English
/// only?" is not a question about Chinese NLP), what it covers, what it is built on. It must
/// address the bot ("you", 你, or "bot" for what it covers), and for languages also speak of
/// asking or answering, in a short message, so "can you recommend Chinese NLP resources" and a
/// question closed with "reply in English" stay questions. Asking
/// what may be asked here ("是不是只能问大模型相关的") needs no address.
pub fn asks_about_itself(message: &Message) -> bool {
    let have = message.units();
    let said = Mentions::of(&have);
    let addressed = addressed(&said);
    // "is this bot only for LLM stuff", "这个机器人能帮我查啥" name the bot they speak to.
    let to_the_bot = addressed || said.any(&["bot"], THIS_BOT_ZH);
    let itself = said.any_in_a_row(ITSELF) || said.any(&[], ITSELF_ZH);
    let itself = itself && to_the_bot
        || addressed && chooses(&have) && said.any(ITS_LINKS, &[])
        || said.any(&["your"], &[]) && said.any(ITS_LINKS, &[]) && said.any(TAKES_IN, &[]);
    // 请问 is "excuse me": it asks nothing about asking ("我的中文很差。请问……"); 说声 says a
    // courtesy ("先说声辛苦啦！… 有中文文档吗", which asks for Flask's docs).
    let speaks = || {
        let mut asked = Mentions::of(&have);
        asked.forget(&["请问", "说一声", "说声"]);
        asked.any(SPEAKING, SPEAKING_ZH)
    };
    let made_by_latin = have
        .windows(3)
        .any(|w| MADE_WHAT.contains(&w[0]) && MADE.contains(&w[1]) && w[2] == "by");
    let made_by = made_by_latin
        || said.han.split_once("你是").is_some_and(|(_, after)| {
            MADE_BY_ZH
                .iter()
                .any(|m| after.ends_with(m) || after.contains(&format!("{m}吗")))
        });
    // Only as the whole message: "can I ask in chinese how to quantize llama" asks about
    // quantisation.
    let may_ask = have.len() <= MAY_I_ASK_UNITS && said.any_in_a_row(MAY_I_ASK);
    // "can you make me a study plan?" asks what the bot does; a plan for something named is
    // longer and is answered with links.
    let short = have
        .iter()
        .map(|u| if u.is_ascii() { 2 } else { 1 })
        .sum::<usize>()
        <= PLAN_SIZE;
    let plans = addressed
        && short
        && said.any(PLANNING, PLANNING_ZH)
        && (said.any_in_a_row(A_PLAN) || said.any(&[], A_PLAN_ZH));
    // "what can you actually help me with for interview prep?", "你能帮我准备面试吗？都能干些啥":
    // what the bot does, asked with what the asker has in mind; a longer message names what it
    // wants, and is answered.
    let can_do = short && can_do(&said, to_the_bot);
    // "what commands does this bot support", "is there a /help command": the bot's own; "what
    // commands do you use to start vllm" asks about vLLM's.
    let the_bot_itself = said.any(&["bot"], &["机器人"])
        || said.any_in_a_row(&[&["this", "thing"]])
        || addressed
            && said.any(
                &["support", "supports", "have", "accept", "know"],
                &["支持"],
            );
    let commands =
        the_bot_itself && (said.any_in_a_row(COMMANDS_ASKED) || said.any(&[], COMMANDS_ASKED_ZH));
    said.any(&[], SCOPE_ZH)
        || asks_what_it_is(&message.text)
        || said.any(&[], CHOSEN_ZH) && said.any(&[], ITS_ANSWER_ZH)
        || itself
        || commands
        || made_by
        || plans
        || can_do
        // A longer message names what it wants answered in that language ("你是一个资深架构师。
        // 请告诉我 vLLM 的 PagedAttention 怎么实现的，reply in English").
        || (addressed && short && speaks() || may_ask) && said.any(LANGUAGES, LANGUAGES_ZH)
}

/// What every phrase of [`WHAT_IT_IS`] holds (a unit test checks it).
const WHAT_IT_IS_OPENERS: &[&str] = &["你是", "are you", "自己训"];

/// Whether the normalised text asks what the bot is ([`WHAT_IT_IS`]). Every message is asked,
/// and few hold one of [`WHAT_IT_IS_OPENERS`]: the phrases are looked for only then.
fn asks_what_it_is(text: &str) -> bool {
    WHAT_IT_IS_OPENERS.iter().any(|w| text.contains(w))
        && WHAT_IT_IS.iter().any(|w| text.contains(w))
}

/// Whether a message asks the bot what it can do ("what can you actually help with?", "这个 bot
/// 能干嘛？"), however long: [`asks_about_itself`] takes a short one as help whatever it names,
/// and the engine a longer one when nothing else in it names the catalogue.
pub fn asks_what_it_can_do(message: &Message) -> bool {
    let have = message.units();
    let said = Mentions::of(&have);
    let to_the_bot = addressed(&said) || said.any(&["bot"], &[]);
    can_do(&said, to_the_bot)
}

/// [`asks_what_it_can_do`], for a message already read: whether it is `to_the_bot` and says
/// [`CAN_DO`] or [`CAN_DO_ZH`].
fn can_do(said: &Mentions, to_the_bot: bool) -> bool {
    to_the_bot && (said.any_in_a_row(CAN_DO) || said.any(&[], CAN_DO_ZH))
}

/// The bot named in Chinese as the one spoken to: "这个机器人", not "扫地机器人" or "我们的聊天机器人".
const THIS_BOT_ZH: &[&str] = &["这个机器人", "这机器人"];

/// Whether a message speaks to "you" (你, 您): the 您 of a letter's 您好 greets its reader, not
/// the bot ("translate this email: 您好，…").
fn addressed(said: &Mentions) -> bool {
    said.any(&["you", "u"], &[])
        || said.han.contains(['你', '您'])
            && GREETING_YOU
                .iter()
                .fold(said.han.clone(), |han, g| han.replace(g, ""))
                .contains(['你', '您'])
}

/// Whether praise closing a message only says how much of what comes `before` it: after 得
/// it is a degree ("FPS 掉得厉害", "慢得很厉害": dropping badly), not a word to the bot.
fn says_how_much(before: &[&str], phrase: &Phrase) -> bool {
    let degree = |u: &&str| matches!(*u, "很" | "太" | "好" | "挺" | "更");
    phrase.1 == Some(SmallTalk::Thanks)
        && match before {
            [.., "得"] => true,
            [.., "得", between] => degree(between),
            _ => false,
        }
}

/// Greetings and thanks that hold 你 or 您 without asking the bot anything.
const GREETING_YOU: &[&str] = &["你好", "您好", "谢谢你", "谢谢您", "感谢你", "感谢您"];

/// Units before a closing greeting that make its words part of the sentence: a time ("every
/// morning", "this evening") or a state ("还在吗": is it still there; "runner 明明显示在线", "状态
/// 在线": shown as online).
const BINDS_A_GREETING: &[&str] = &[
    "every",
    "single",
    "each",
    "this",
    "that",
    "tomorrow",
    "yesterday",
    "the",
    "in",
    "on",
    "all",
    "one",
    "last",
    "next",
    "还",
    "都",
    "也",
    "不",
    "仍",
    "示",
    "态",
];

/// The small talk a message opens or closes with, and the rest of the message: read once,
/// then asked whether the message is that small talk ([`Frame::small_talk`]) or small talk
/// beside a topic announced ([`Frame::announced`]).
pub struct Frame<'m> {
    found: Option<SmallTalk>,
    /// The units that are not greetings, thanks or help, in order.
    rest: Vec<&'m str>,
    asks_plainly: bool,
    /// Whether the message closes by saying it only greets for now ("先来打个招呼", "figured
    /// I'd say hello first").
    says_hello_first: bool,
}

impl<'m> Frame<'m> {
    /// Finds the small talk `message` opens and closes with.
    pub fn of(message: &'m Message) -> Frame<'m> {
        let have = message.units();
        let to_the_bot = |p: &[&str]| {
            p.iter()
                .any(|u| matches!(*u, "you" | "你" | "您" | "bot" | "ganhuo"))
        };
        // A lone ideograph opening the message and set apart from the rest by a space or a
        // mark is said on its own ("早，今天继续折腾部署", "早 各位"), not the first character of
        // a sentence ("早点睡").
        let said_alone = |p: &Phrase, at: usize| {
            at == 0
                && p.0.len() == 1
                && message
                    .units
                    .first()
                    .is_some_and(|unit| message.text[unit.end..].starts_with(' '))
                && !ONLY_ALONE.contains(&p.0[0])
        };
        let mut found: Option<SmallTalk> = None;
        let mut rest = vec![true; have.len()];
        let mut note = |p: &Phrase, at: usize| {
            let counts = |&k: &SmallTalk| {
                (strong(&p.0) || said_alone(p, at)) && (k != SmallTalk::Help || to_the_bot(&p.0))
            };
            if let Some(kind) = p.1.filter(counts) {
                found = with(found, kind);
            }
            // Latin fillers ("bro", "ok") go too, so the rest opens where an English question
            // would; Chinese ones stay, as 请问 asks.
            if p.1.is_some() || p.0.iter().all(|u| u.is_ascii()) {
                rest[at..at + p.0.len()].fill(false);
            }
        };
        let mut start = 0;
        for (at, best) in leading(&have) {
            note(best, at);
            start = at + best.0.len();
        }
        for (at, best) in trailing(&have, start) {
            // "refresh fails every morning", "里面的数据还在吗": the greeting's words are a time
            // or a state of the sentence before them, which does not close with small talk.
            // Right after the opening small talk there is no such sentence ("hi 机器人，晚上好，
            // 还在线吗").
            let bound = at > start + 1 && BINDS_A_GREETING.contains(&have[at - 1]);
            if (bound && best.1 == Some(SmallTalk::Greeting))
                || negated(&have, start, at)
                || says_how_much(&have[..at], best)
            {
                break;
            }
            note(best, at);
        }
        let rest = have
            .iter()
            .zip(&rest)
            .filter_map(|(u, &keep)| keep.then_some(*u))
            .collect();
        Frame {
            found,
            rest,
            // Only read when something was found: most messages open with no small talk.
            asks_plainly: found.is_some() && message.asks_beyond_presence(),
            says_hello_first: found.is_some() && says_hello_first(&have),
        }
    }

    /// The small talk a message opens or closes with, whatever else it says: "thanks a lot,
    /// that's exactly what I needed", "你好呀，第一次用这个机器人", "hello, help 一下，你都能干嘛".
    /// Only for a message the catalogue has no answer to: there, a greeting or thanks deserves
    /// a reply in kind more than "nothing matches", while "hi, any LoRA tutorials?" is answered
    /// as the question it is. A lone ideograph ("早" of 早点睡) is too weak a sign outside a
    /// message made only of such phrases. Help counts only when it is asked of the bot ("你都能
    /// 干嘛", "what can you do"): "怎么用" in a longer message asks how to use something else
    /// ("excel vlookup 怎么用"). And a greeting or thanks around a question frames the question,
    /// not small talk: a question mark ("hi, sorry to bother you, how do I renew my
    /// passport?"), or the rest of the message asking something (`asks`, given its units in
    /// order, Chinese fillers included: "您好，请问地铁几点停运", "thanks! btw how do I reset my
    /// router") is told plainly that nothing matches.
    pub fn small_talk(&self, asks: impl Fn(&[&str]) -> bool) -> Option<SmallTalk> {
        let asks = self.asks_plainly || asks(&self.rest);
        self.found.filter(|&k| k == SmallTalk::Help || !asks)
    }

    /// The small talk of a message that, beside it, only announces what its questions will be
    /// about: "在吗，想问几个训练集群的问题", "又来打扰了，今天还是分布式训练的事", "hello, I'm a
    /// PhD student working on quantization", "hi, I have a few questions about LoRA". The topic
    /// is named but nothing is asked of it yet, so the reply is in kind and the question is
    /// waited for; "在吗，想问下 LoRA 怎么调参" asks, and is answered. A message that closes by
    /// saying it only greets for now ("…最近转行学大模型，先来打个招呼") announces all it says
    /// before, at any length, unless that asks. `asks` is told the topic's units.
    pub fn announced(&self, asks: impl Fn(&[&str]) -> bool) -> Option<SmallTalk> {
        if self.says_hello_first && !self.asks_plainly && !asks(&self.rest) {
            return self.found;
        }
        let found = self.found?;
        if self.asks_plainly {
            return None;
        }
        // Where a greeting comes from ("hi 新人报到 from Shenzhen") is not a topic either.
        let origin = matches!(self.rest.as_slice(), ["from", place @ ..] if place.len() <= 2);
        if origin && found == SmallTalk::Greeting {
            return Some(found);
        }
        let (before, topic) = announced_topic(&self.rest)?;
        let announces = !topic.is_empty() && topic.len() <= MAX_ANNOUNCED;
        (announces && !asks(before) && !asks(topic)).then_some(found)
    }
}

/// The closings that say a message only greets for now, as units: what comes before them
/// is who speaks and what they are up to, not yet a question ("大家好，我是做后端的，最近转行学
/// 大模型，先来打个招呼").
const SAYING_HELLO: &[&[&str]] = &[
    &["打", "个", "招", "呼"],
    &["打", "声", "招", "呼"],
    &["报", "个", "到"],
    &["报", "到"],
    &["报", "道"],
    &["冒", "个", "泡"],
    &["冒", "泡"],
    &["say", "hi"],
    &["say", "hello"],
    &["saying", "hi"],
    &["saying", "hello"],
    &["said", "hi"],
    &["said", "hello"],
    &["glad", "to", "be", "here"],
    &["happy", "to", "be", "here"],
];

/// What may follow such a closing: a particle, "first".
const AFTER_SAYING_HELLO: &[&str] = &["哈", "啦", "呀", "哦", "吧", "了", "先", "first", "lol"];

/// Whether `units` close by saying the message only greets for now.
fn says_hello_first(units: &[&str]) -> bool {
    let end = units
        .iter()
        .rposition(|u| !AFTER_SAYING_HELLO.contains(u))
        .map_or(0, |at| at + 1);
    SAYING_HELLO.iter().any(|p| units[..end].ends_with(p))
}

/// The most units a topic announced can take: more is a question told in full.
const MAX_ANNOUNCED: usize = 8;

/// Chinese that opens an announcement: a verb of asking, a topic carried over or being
/// studied.
#[rustfmt::skip]
const ANNOUNCING_ZH: &[&str] = &[
    "想问问", "想请教", "想咨询", "想问", "想聊聊", "想聊", "请教", "问问", "聊聊", "今天还是",
    "今天又是", "今天也是", "还是", "又是", "也是", "在看", "在学", "在研究", "在搞", "在折腾",
    "在做", "在准备",
];

/// Chinese between the verb and the topic: a count of questions, "关于". As in English, one
/// question ("想问下 X 的问题") is the question itself; a count of them is announced.
const COUNTED_ZH: &[&str] = &["几个", "几件", "一些", "些", "两个", "关于"];

/// Chinese that closes an announcement: the questions or matters of the topic.
const ANNOUNCED_ZH: &[&str] = &["的问题", "的事情", "的事儿", "的事", "问题"];

/// Chinese that closes a project being worked on ("在做一个昇腾上的部署项目"), after "一个".
const PROJECT_ZH: &[&str] = &["的项目", "项目"];

/// English before a topic announced: questions had, or work done on it. One question
/// announced ("quick question about lora") is most often the whole of it, and is answered;
/// several ("a few questions about LoRA") are still to come.
const ANNOUNCING: &[&[&str]] = &[
    &["questions", "about"],
    &["questions", "on"],
    &["questions", "regarding"],
    &["working", "on"],
    &["work", "on"],
    &["researching"],
    &["studying"],
    &["learning"],
    &["reading", "about"],
    &["looking", "into"],
    &["from"],
    // Where the speaker has just arrived ("first day on the ML platform team", "just joined
    // the infra team").
    &["day", "on"],
    &["day", "at"],
    &["joined"],
];

/// English that may come before an announcing phrase: who has the questions, how many.
#[rustfmt::skip]
const ANNOUNCERS: &[&str] = &[
    "i", "we", "m", "im", "am", "re", "are", "ve", "have", "got", "a", "an", "one", "some", "few",
    "couple", "of", "two", "three", "several", "quick", "small", "little", "more", "another",
    "want", "wanted", "wanna", "d", "would", "like", "to", "just", "also", "currently",
    "been", "phd", "student", "grad", "researcher", "engineer", "who", "s", "and", "lately",
    "recently", "this", "semester", "week", "at", "from", "first", "my",
];

/// Words after which one word says where the speaker studies or works.
const AFFILIATED: &[&str] = &["at", "from"];

/// Words of questions promised for later, closing an announcement ("will have a few
/// questions", "and I may ask some questions later").
#[rustfmt::skip]
const PROMISING: &[&str] = &[
    "will", "ll", "i", "may", "might", "probably", "and", "so", "have", "a", "few", "some",
    "couple", "of", "questions", "question", "ask", "later", "soon", "more", "to", "you",
];

/// When the rest of a message is an announcement of questions about a topic and nothing
/// else: the units before the announcing words (who speaks, since when) and the topic's.
fn announced_topic<'r>(rest: &'r [&'r str]) -> Option<(&'r [&'r str], &'r [&'r str])> {
    if rest.first()?.is_ascii() {
        let (at, phrase) = (0..rest.len()).find_map(|at| {
            let phrase = ANNOUNCING.iter().find(|p| rest[at..].starts_with(p))?;
            Some((at, phrase))
        })?;
        // Where the speaker studies or works is part of who speaks ("phd student at
        // berkeley working on …").
        let before_is_announcer = rest[..at]
            .iter()
            .enumerate()
            .all(|(i, u)| ANNOUNCERS.contains(u) || i > 0 && AFFILIATED.contains(&rest[i - 1]));
        let topic = &rest[at + phrase.len()..];
        // "… working on llm serving, will have a few questions": the questions promised after
        // the topic are not part of it.
        let promised = (0..topic.len())
            .find(|&from| {
                let tail = &topic[from..];
                tail.iter().all(|u| PROMISING.contains(u))
                    && tail
                        .iter()
                        .any(|u| matches!(*u, "questions" | "question" | "ask"))
            })
            .unwrap_or(topic.len());
        return before_is_announcer.then(|| (&rest[..at], &topic[..promised]));
    }
    // Chinese, read unit by unit: who is speaking and since when ("研一狗一枚，这学期"), an
    // announcing verb, counts, the topic, its close.
    let at = (0..rest.len().min(MAX_ANNOUNCED + 1))
        .find(|&at| prefix_units(&rest[at..], ANNOUNCING_ZH).is_some())?;
    let verb = prefix_units(&rest[at..], ANNOUNCING_ZH)?;
    // "今天还是…", "想聊聊…", "在看…": a subject carried over, to talk about or being studied,
    // not a question.
    let carried_over = rest[at..at + verb]
        .iter()
        .any(|u| matches!(*u, "是" | "聊" | "在"));
    let mut from = at + verb;
    let mut counted = false;
    while let Some(n) = prefix_units(&rest[from..], COUNTED_ZH) {
        from += n;
        counted = true;
    }
    // 在做 and 在准备 work on something: a project may follow ("在准备一个…的小项目").
    let doing = ["做", "备"].iter().any(|c| rest[at..at + verb].contains(c));
    if doing && spelled_by(rest[from..].iter(), "一个".chars()) {
        from += 2;
    }
    let project = doing
        .then(|| suffix_units(&rest[from..], PROJECT_ZH))
        .flatten();
    let close = match project.or_else(|| suffix_units(&rest[from..], ANNOUNCED_ZH)) {
        Some(close) => close,
        // What is being studied needs no close ("这学期在看分布式训练").
        None if rest[at..at + verb].contains(&"在") => 0,
        None => return None,
    };
    (counted || carried_over || rest.ends_with(&["事"]))
        .then(|| (&rest[..at], &rest[from..rest.len() - close]))
}

/// How many units of `units` the longest of `phrases` they open with covers.
fn prefix_units(units: &[&str], phrases: &[&str]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| spelled_by(units.iter(), p.chars()))
        .map(|p| p.chars().count())
        .max()
}

/// How many units of `units` the longest of `phrases` they close with covers.
fn suffix_units(units: &[&str], phrases: &[&str]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| spelled_by(units.iter().rev(), p.chars().rev()))
        .map(|p| p.chars().count())
        .max()
}

/// Whether the first units of `units`, one ideograph each, spell the ideographs `phrase`.
fn spelled_by<'u>(
    mut units: impl Iterator<Item = &'u &'u str>,
    mut phrase: impl Iterator<Item = char>,
) -> bool {
    phrase.all(|c| {
        units
            .next()
            .is_some_and(|u| u.len() == c.len_utf8() && u.starts_with(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_to_a_teacher_are_written_to_someone_else() {
        for letter in [
            "Dear Professor, I would be most grateful to know whether you are accepting students",
            "Dear Dr. Chen, could you share your slides?",
            "王老师您好，冒昧打扰！能否麻烦您为我写一封推荐信？",
            "尊敬的李教授：您好",
        ] {
            assert!(to_a_teacher(&Message::new(letter)), "{letter}");
        }
        for to_the_bot in [
            "老师好，LoRA 怎么调",
            "请问老师你能做什么",
            "Dear Sir or Madam, what can you do?",
            "dear drew, thanks",
        ] {
            assert!(!to_a_teacher(&Message::new(to_the_bot)), "{to_the_bot}");
        }
    }

    #[test]
    fn a_topic_announced_beside_small_talk_waits_for_the_question() {
        let asks = crate::search::lexicon::asks;
        for (said, kind) in [
            ("在吗，想问几个训练集群的问题", SmallTalk::Greeting),
            ("又来打扰了，今天还是分布式训练的事", SmallTalk::Greeting),
            (
                "hello, I'm a PhD student working on quantization",
                SmallTalk::Greeting,
            ),
            ("hi, I have a few questions about LoRA", SmallTalk::Greeting),
            ("你好 我想问问 LoRA 和 qwen 的事 你能干啥", SmallTalk::Help),
            ("嗨，研一狗一枚，这学期在看分布式训练", SmallTalk::Greeting),
            ("想问几个量化方面的问题，先打个招呼～", SmallTalk::Greeting),
            ("hi 新人报到 from Shenzhen", SmallTalk::Greeting),
            (
                "hi! phd student at berkeley working on llm serving, will have a few questions",
                SmallTalk::Greeting,
            ),
            (
                "hello, I'm from the DeepSpeed user group at my company, just looking around",
                SmallTalk::Greeting,
            ),
            (
                "我在做一个昇腾上的部署项目，后面可能会问你很多",
                SmallTalk::Greeting,
            ),
            (
                "hi 我在准备一个推理加速的小项目，先来报个到",
                SmallTalk::Greeting,
            ),
            (
                "morning! my first day on the inference team, just saying hello",
                SmallTalk::Greeting,
            ),
            ("hi, just joined the infra team", SmallTalk::Greeting),
        ] {
            let message = Message::new(said);
            assert_eq!(Frame::of(&message).announced(asks), Some(kind), "{said}");
        }
        for asked in [
            "在吗，想问下 LoRA 怎么调参",
            "你好，想问问千问怎么微调",
            "hi, I have a question about LoRA?",
            "hello! quick question about lora",
            "你好，想问下训练集群的问题",
            "hi, question about LoRA: why does rank 8 work as well as rank 64",
            "hello, I'm a PhD student working on quantization, any good surveys",
            // Nothing greets: the announcement alone is answered as the topic it names.
            "想问几个训练集群的问题",
            "训练时显存不够的问题",
            "嗨，这学期在看分布式训练，有推荐的入门文章吗",
            "hi from Shenzhen, which LLMs were trained there",
            // One question is the question, whatever the count word says.
            "在吗，想问一个量化的问题",
            "hi, engineer at nvidia working on quantization, which papers should I read first",
            "hi, first day on the inference team, where do I read up on vllm",
        ] {
            let message = Message::new(asked);
            assert_eq!(Frame::of(&message).announced(asks), None, "{asked}");
        }
    }

    #[test]
    fn a_favour_done_and_what_was_learnt_are_thanks() {
        let asks = crate::search::lexicon::asks;
        for said in [
            "太谢谢你了！你帮我很大的忙了，我今天学了很多",
            "太感谢了，帮了我大忙",
            "太谢谢你了！我今天学了很多",
        ] {
            let message = Message::new(said);
            assert!(thanks_with_a_remark(&message, asks), "{said}");
        }
        // A favour still to be done asks for it.
        let message = Message::new("谢谢，能再帮我一个忙吗，找找 LoRA 的教程");
        assert!(!thanks_with_a_remark(&message, asks));
    }

    #[test]
    fn the_one_looked_for_found_is_thanks() {
        let asks = crate::search::lexicon::asks;
        for said in [
            "yes!! that's the one with the ring animation, thanks a ton",
            "就是这篇讲环形通信的，谢谢",
        ] {
            assert!(thanks_with_a_remark(&Message::new(said), asks), "{said}");
        }
        let message = Message::new("that's the one, but is there a LoRA tutorial too? thanks");
        assert!(!thanks_with_a_remark(&message, asks));
    }

    #[test]
    fn greetings_and_thanks_in_other_alphabets() {
        for g in ["Привет!", "こんにちは！", "안녕하세요"] {
            assert_eq!(
                recognise(&Message::new(g)),
                Some(SmallTalk::Greeting),
                "{g}"
            );
        }
        for t in [
            "спасибо",
            "ありがとうございます！",
            "감사합니다",
            "terima kasih",
        ] {
            assert_eq!(recognise(&Message::new(t)), Some(SmallTalk::Thanks), "{t}");
        }
    }

    #[test]
    fn praise_after_de_says_how_much() {
        let asks = crate::search::lexicon::asks;
        for said in [
            "Unity 游戏 draw call 太多，FPS 掉得厉害",
            "Node.js 服务 event loop 被阻塞，latency 抖得厉害",
            "电脑卡得很厉害",
        ] {
            let message = Message::new(said);
            assert_eq!(Frame::of(&message).small_talk(asks), None, "{said}");
            assert!(!thanks_with_a_remark(&message, asks), "{said}");
        }
        for said in ["太厉害了", "这个机器人真厉害", "厉害厉害，谢谢"] {
            let message = Message::new(said);
            assert_eq!(
                Frame::of(&message).small_talk(asks),
                Some(SmallTalk::Thanks),
                "{said}"
            );
        }
    }

    #[test]
    fn greetings_thanks_and_help() {
        for g in [
            "hi",
            "Hello!",
            "hey there",
            "你好",
            "你好呀~",
            "在吗？",
            "早上好",
            "Good morning bot",
            "hello, anyone here? first time using this",
            // Trouble to come is a courtesy of greeting, not thanks.
            "你好呀，要经常麻烦你了",
        ] {
            assert_eq!(
                recognise(&Message::new(g)),
                Some(SmallTalk::Greeting),
                "{g}"
            );
        }
        for t in [
            "谢谢",
            "thanks!",
            "Thank you so much",
            "thx",
            "perfect, exactly what i was after",
            "好的，谢谢啦",
            "ok thanks",
            "谢谢推荐",
        ] {
            assert_eq!(recognise(&Message::new(t)), Some(SmallTalk::Thanks), "{t}");
        }
        for h in [
            "help",
            "/help",
            "怎么用",
            "你能做什么？",
            "What can you do?",
            "hi, what can you do",
            // About the bot itself: a person or not, its languages, links and commands.
            "are you a real person or a bot?",
            "这个 bot 支持中文吗",
            "你推荐的链接都是从哪来的?",
            "有哪些指令可以用",
            // What may be asked: "问题" and "方面" around the phrase name nothing.
            "都能问哪些方面的问题?",
        ] {
            assert_eq!(recognise(&Message::new(h)), Some(SmallTalk::Help), "{h}");
        }
    }

    #[test]
    fn small_talk_in_regional_internet_and_mistyped_forms() {
        let cases = [
            ("早晨！", SmallTalk::Greeting),
            ("哈囉大大", SmallTalk::Greeting),
            ("唔該晒", SmallTalk::Thanks),
            ("多謝晒！", SmallTalk::Thanks),
            ("thanks ah", SmallTalk::Thanks),
            ("感恩大大", SmallTalk::Thanks),
            ("呢個 bot 點用？", SmallTalk::Help),
            ("你識做咩㗎", SmallTalk::Help),
            // The internet's voice.
            ("家人们好", SmallTalk::Greeting),
            ("宝子们早", SmallTalk::Greeting),
            ("wait, what can you do", SmallTalk::Help),
            ("这bot咋玩", SmallTalk::Help),
            // A room of teachers or of bosses.
            ("老师好", SmallTalk::Greeting),
            ("各位领导好！", SmallTalk::Greeting),
            // A pinyin keyboard's wrong candidate for a whole phrase.
            ("你号", SmallTalk::Greeting),
            ("感写分享", SmallTalk::Thanks),
            // A greeting as a translator renders it.
            ("Peace be upon you.", SmallTalk::Greeting),
        ];
        for (m, kind) in cases {
            assert_eq!(recognise(&Message::new(m)), Some(kind), "{m}");
        }
        // Only a whole message sounds like a phrase.
        assert_eq!(recognise(&Message::new("尼好量化")), None);
    }

    #[test]
    fn asking_how_to_use_the_bot_is_help_whatever_follows() {
        for m in [
            "how does this bot work? do I just type a topic like quantization or a full question?",
            "怎么用你？直接发关键词比如蒸馏就行吗",
            "hi! how do I use you, e.g. for LoRA?",
            "how do i ask you for links about fine-tuning?",
            "怎么问你比较好 比如问量化",
        ] {
            assert!(opens_asking_how_to_use(&Message::new(m)), "{m}");
        }
        for m in [
            // Asking what the bot is may come before a real question.
            "are you a bot? what is LoRA",
            // Using something else.
            "how do I use this LoRA script",
            "怎么用 deepspeed 训练",
            "LoRA 怎么用你知道吗",
            // Working something out.
            "how do you work out the pipeline bubble fraction given m micro-batches?",
        ] {
            assert!(!opens_asking_how_to_use(&Message::new(m)), "{m}");
        }
    }

    #[test]
    fn thanks_with_a_remark_on_what_was_read() {
        let asks = crate::search::lexicon::asks;
        for m in [
            "thanks!! that illustrated transformer post was great",
            "ok收到，Triton的文档我先看看，thx",
            "Thanks for the PEFT links，今天就到这，bye~",
            // No thanks at the end is needed after a remark.
            "谢谢，讲 LoRA 的那篇写得很清楚",
            "thx！量化那篇终于看懂了",
            "thanks!! the flashattention diagrams finally made it click 🙏",
            "感谢感谢，链式法则那个动画一看就懂🙏",
            "thanks, the vllm docs were great",
            "这个 KV cache 的文章 nice，thanks",
            "那篇文章不错，谢谢",
            // What was read worked.
            "thanks, the deepspeed link worked!",
            "谢谢 量化那篇看完跑通了",
            // The closing thanks is the remark.
            "感谢 量化那几篇我收藏了",
            // What the links saved the asker.
            "谢谢 那几篇部署的文章省了我好几天",
            "thanks, the lora post saved me a week",
            // What is settled now.
            "谢谢！下周的分享有着落了",
            "不错，谢谢！周四的组会有着落了",
            // What works now, thanked at the end.
            "vllm works now, thanks",
            "got it running, thanks!!",
            "deepspeed 装好了，多谢大佬",
            // A mix-up set right, thanked at the end.
            "哦原来 NCCL 不是显卡 是通信库啊，懂了 thx",
            "我一直以为 NCCL 是显卡，笑死，感谢",
            "ahh understood, thanks",
            // A remark on what was sent, thanked at the end.
            "that zero post was just what i needed, thx",
            "that NCCL collectives page was exactly what I needed, thanks a ton",
            "answered fast with a decent link. thanks, colour me impressed",
        ] {
            assert!(thanks_with_a_remark(&Message::new(m), asks), "{m}");
        }
        for m in [
            // A greeting opens a request.
            "你好，LoRA 教程，谢谢",
            // Asking, or asking for more.
            "thanks! and the deepspeed one? thanks",
            "谢谢，再来几篇 QLoRA 的，谢谢",
            "thanks, more on QLoRA please, thanks",
            "thanks, what about vllm, thanks",
            // Thanks only at the start: the rest may be the next question.
            "thanks, now vllm",
            // No remark between the thanks: the next topic.
            "thanks, LoRA tutorial, thanks",
            "谢谢！LoRA 教程，谢谢",
            "感谢，模型蒸馏，感谢",
            "谢谢，顺便 NCCL 的也要，谢谢",
            // A remark word inside a request or a question.
            "谢谢，有没有写得更清楚的 LoRA 教程",
            "thanks, the vllm docs were great, any for sglang",
            "thanks, but deepspeed is not working on my mac, what else?",
            // A report of what works that asks on.
            "vllm works now, how do I add lora adapters? thanks",
            "装好了 deepspeed，还想要 zero 的教程，谢谢",
            // What does not work is a question, thanked in advance.
            "vllm not working on my mac, thanks",
            "the lora link was dead, any other? thanks",
            "still not understood, thanks",
            // Understanding that asks on.
            "原来是这样，还有 NCCL 的入门教程吗，谢谢",
        ] {
            assert!(!thanks_with_a_remark(&Message::new(m), asks), "{m}");
        }
    }

    #[test]
    fn asking_about_the_bot_itself_with_catalogue_words() {
        for m in [
            "can I ask you in Chinese, or only in English?",
            "你能用英文回答吗",
            "can speak Chinese or not?",
            "Can you speak Japanese?",
            "from where are you getting these links?",
            "are you broken?",
            "r u a real person or just a bot?",
            "what topics do you cover, e.g. quantization or inference?",
            "你是用 GPT 做的吗",
            "are you built with LangChain?",
            "how do you pick which links to show? are they ranked by popularity?",
            "你的资料库都包括哪些方向？只有训练和部署吗",
            "你这个 bot 都覆盖哪些方向？",
            "is this bot run by OpenAI or something",
            "are you made by Hugging Face?",
            "你是清华智谱做的吗？",
            "do your links include arxiv papers or only blog posts?",
            "can I ask in 中文？",
            "只有中文资料吗，英文的有没有",
            // Whether the bot makes study plans, or in what order it lists its links.
            "could you draw up a study plan for me?",
            "你可以帮我制定一个学习计划吗",
            "你推荐的时候会按先后顺序排吗",
            // What it can do, with what the asker has in mind.
            "what can you actually help me with for interview prep?",
            "你能帮我准备大模型面试吗？都能干些啥",
            "这个 bot 能做啥？可以帮我 prep interview 吗",
            // Whether it does more than send links.
            "hello bot, can you actually do math or do you just send links?",
            "这个 bot 能帮我推公式吗，还是只给 link？",
            "you answer questions or you only give links? and in which languages can I write to you?",
            "can you plan our whole migration for us or do you only hand out reading links?",
            "这个机器人都能推荐哪方面的资料?",
            "每学完一个 topic 你就告诉我下一个学什么,你能做到这种吗",
            // Whether it also, or only, handles a field.
            "do you also do computer vision stuff or only LLMs?",
            "what kind of stuff can you answer? only llm things, or chip design too?",
            "你只管大模型吗？",
            "你也管计算机视觉那块吗",
            "这个 bot 也能推荐 CV 的资料吗？",
            "那你能推荐计算机视觉的东西吗？还是只有大模型",
            // Its commands.
            "is there a /help command or something? what commands does this thing support",
            "这个机器人支持哪些指令",
            // What it is, how it chose, whom it is for, how it sorts what it sends.
            "你是ChatGPT吗？还是自己训的模型",
            "are you a bot or a real person?",
            "刚刚那个回答是怎么选出来的？",
            "Is this bot for beginners too or only for people already in ML?",
            "Which languages do you understand? My Chinese is pretty bad",
            "can you filter results to just videos or just papers?",
            "这个 bot 能回答 GPU 集群运维的问题吗？还是只推荐学习资料",
            "你这个 bot 能按视频/论文/书分类给我吗？",
            // What it can be searched by.
            "这个bot能按作者搜吗？我经常只记得是谁写的、发在知乎还是B站，标题完全想不起来",
            // How it is asked, and what it can look up.
            "这个能按分类浏览吗？还是只能一个个问",
            "具体怎么用？发关键词还是发整句话？",
            "这个机器人能帮我查啥？我是开店的，不太懂技术",
            "what kind of stuff can I ask you? I'm from facilities, not ML",
            // Where its links come from, with a guess at the source.
            "你这个 bot 收录的资料都是从哪来的？是某篇 CSDN 文章吗",
        ] {
            assert!(asks_about_itself(&Message::new(m)), "{m}");
        }
        for m in [
            // Asking for resources, in a language or not.
            "can you recommend Chinese NLP resources",
            "你有中文的 LoRA 教程吗",
            "do you know any good vLLM tutorials",
            // Not addressed to the bot.
            "how is ChatGPT built with transformers",
            "how does BERT handle Chinese text",
            // Asking the bot to choose between topics, or for what it holds on one.
            "DeepSpeed vs Megatron-LM for a 13B model — which would you pick?",
            "QAT vs PTQ - when would you choose each?",
            "推理加速框架那一块你们都收录了哪些，全列一下",
            "how do you pick a learning rate for lora?",
            "how do you choose between lora and qlora?",
            "how do you rank vllm and tgi for throughput?",
            // The rank of a matrix is no verb of ranking links.
            "you got a link on low-rank factorization?",
            // Made by somebody, but not the bot; a language named inside a question.
            "do you have the tutorial made by Jay Alammar?",
            "a library built by berkeley that pages the kv cache, do you know it?",
            "你是怎么做的量化",
            "can I ask in chinese how to quantize llama",
            // A letter's 您好 greets its reader.
            "translate this email into English: 您好，附件是报价单，有问题随时联系",
            // A learner apologising for their Chinese: 请问 is "excuse me", 谢谢您 thanks.
            "不好意思，我的中文很差。请问……英伟达的数据中心显卡监控，有没有官方的文件？谢谢您",
            // A plan for something named, or a plan that is not for learning.
            "can you make me a study plan that goes from LoRA to QLoRA and then DPO over three weeks",
            "can you plan a trip to japan for me",
            "where do you get training data for LoRA",
            "can you speak about LoRA?",
            // What it can tell about a topic; what it can do, with a whole request after it.
            "what can you tell me about LoRA?",
            "what can you do? I need a step-by-step guide to fine-tuning llama 2 on one gpu with qlora",
            // Asking for one link, with "just" to soften it.
            "could you just send me their GitHub org link?",
            // A tool's commands.
            "what commands do you use to start vllm",
            "llama.cpp 支持哪些命令",
            // What a model is, or how a result of one's own is chosen.
            "你是 GPT 的话，能讲讲 GPT 的原理吗",
            "lora 的结果怎么选的 rank",
            // Another robot's abilities.
            "扫地机器人能查什么故障",
            "what kind of things can I fine-tune with LoRA?",
        ] {
            assert!(!asks_about_itself(&Message::new(m)), "{m}");
        }
        // The look-up of what the bot is skips only messages that hold none of its phrases.
        for phrase in WHAT_IT_IS {
            assert!(
                WHAT_IT_IS_OPENERS.iter().any(|o| phrase.contains(o)),
                "{phrase}"
            );
        }
    }

    #[test]
    fn questions_about_the_bot_itself() {
        for m in [
            "can I suggest a link for you to add?",
            "why do you keep giving me the same links",
            "为什么你啥都没回我",
            "可以把你加到我們的群組嗎？",
            "點解你乜都冇覆我？",
            "why u never reply me anything 😤",
            "Can I suggest one good link to be added?",
            "你会不会乱编链接",
            "你支持 English 吗",
            "你的资料库会更新吗",
            "do you answer in 中文?",
            "我可以推荐一个资源给你收录吗",
            "这些链接都是从哪里来的",
            "how do I search, by keyword or a whole sentence?",
            "is this bot free?",
            "do you remember what I asked earlier in this chat?",
            "你会记得我上次问的吗",
            "你到底能回答哪些方面的问题",
            "你 都 能 回答 哪些 问题",
            "你能回答什么问题",
            "is this bot open source?",
            "can I invite you to our discord server?",
            "你能拉进群里用吗",
            "这个机器人怎么用啊，直接@它问就行吗",
            // What the bot does for a learner along the way.
            "can you track my progress?",
            "你能帮我记录学习进度吗",
            "私聊你也可以吗",
            // Whether links are all it gives.
            "能不能像面试官一样出题考我？还是只能推荐链接",
            // The bot's links, after an article.
            "can I suggest a link to add?",
            // How to put a question to it.
            "what exactly do you know about, and do I need to type commands or can I ask in \
             normal sentences?",
        ] {
            assert!(about_the_bot(&Message::new(m)), "{m}");
        }
        for m in [
            "how do I add a column in pandas",
            "where does the english word robot come from",
            "中文分词用什么库",
            "free pizza near me",
            "search engine optimisation tips",
            "can you help me write a cover letter",
            "is linux open source",
            "你能帮我写个群公告吗",
            "excel 的 vlookup 怎么用",
            // Somebody else's bot.
            "how do I add a music bot to my discord server",
            "my own bot keeps forgetting the chat history",
            "隐私政策怎么写 我们的聊天机器人会存聊天记录",
            "飞书机器人怎么每天早上定时把进度推到群里",
            // A search engine, or a search algorithm, is no search of the bot's.
            "官网的搜索引擎关键词怎么选",
            "算法竞赛寒假集训计划：深搜的剪枝技巧和记忆化搜索，先练哪个",
            // Telegram, summaries and favourites belong to other tasks too.
            "How do I export my whole Telegram chat history?",
            "could you summarize the plot of a movie for me",
            "what's your favorite color?",
            // A page of something named before "link" is no link of the bot's.
            "notion template link for tracking my reading list, any good free ones",
            "小红书 link 这个 app 收费吗",
        ] {
            assert!(!about_the_bot(&Message::new(m)), "{m}");
        }
    }

    #[test]
    fn questions_are_not_small_talk() {
        for q in [
            "hi, any LoRA tutorials?",
            "谢谢，还有 vLLM 的吗",
            "help me with deepspeed",
            "vllm",
            "chatglm 支持中文吗",
            "这个模型支持中文吗",
            "",
            "🚀",
            "🙏🚀",
            "你",
        ] {
            assert_eq!(recognise(&Message::new(q)), None, "{q}");
        }
    }

    #[test]
    fn small_talk_as_people_type_it() {
        for (m, kind) in [
            ("gm", SmallTalk::Greeting),
            ("long time no see", SmallTalk::Greeting),
            ("好久不见", SmallTalk::Greeting),
            ("cya bro", SmallTalk::Greeting),
            ("thanks a ton, you rock", SmallTalk::Thanks),
            ("感谢分享，码住", SmallTalk::Thanks),
            ("学到了，辛苦啦", SmallTalk::Thanks),
            ("不错", SmallTalk::Thanks),
            ("what topics do you cover", SmallTalk::Help),
            ("咋用啊", SmallTalk::Help),
            ("hi! first time here", SmallTalk::Greeting),
            ("hello hello, anyone home?", SmallTalk::Greeting),
            ("yo bot, you awake?", SmallTalk::Greeting),
            ("周末愉快呀", SmallTalk::Greeting),
            ("介绍一下你自己吧", SmallTalk::Help),
            // Group chats, slang and slips, from a blind probe set.
            ("各位好", SmallTalk::Greeting),
            ("大佬们好", SmallTalk::Greeting),
            ("sorry to bother you", SmallTalk::Greeting),
            ("886", SmallTalk::Greeting),
            ("安安", SmallTalk::Greeting),
            ("射射", SmallTalk::Thanks),
            ("much obliged", SmallTalk::Thanks),
            ("thnaks", SmallTalk::Thanks),
            ("who built this bot", SmallTalk::Help),
            ("is this bot free?", SmallTalk::Help),
            ("你能干什么", SmallTalk::Help),
            ("能用英文问吗", SmallTalk::Help),
            // Praise for what was found, and asking how to use "it" (the bot).
            ("很有用，已收藏", SmallTalk::Thanks),
            ("ok how do i use it?", SmallTalk::Help),
            // A learner along a study plan: a streak checked in, signing off, the order agreed.
            ("今日打卡 💪", SmallTalk::Greeting),
            ("logging off, wish me luck", SmallTalk::Greeting),
            ("祝我好运吧🙏", SmallTalk::Greeting),
            ("你都能干些啥", SmallTalk::Help),
            ("好的，就按这个来", SmallTalk::Thanks),
            ("got it, I'll follow that order", SmallTalk::Thanks),
        ] {
            assert_eq!(recognise(&Message::new(m)), Some(kind), "{m}");
        }
        // Whole-message words: "night", "88" and "来了" say nothing inside a sentence.
        for m in ["night shift schedule", "88 号文件", "他来了"] {
            assert_eq!(recognise(&Message::new(m)), None, "{m}");
        }
    }

    #[test]
    fn praise_that_closes_statements_counts_only_alone() {
        for m in [
            "这家火锅味道不错",
            "我想了解一下区块链",
            "restaurants open in the evening",
        ] {
            assert_eq!(
                Frame::of(&Message::new(m)).small_talk(|_| false),
                None,
                "{m}"
            );
        }
        assert_eq!(
            Frame::of(&Message::new("不错不错，谢谢")).small_talk(|_| false),
            Some(SmallTalk::Thanks)
        );
    }

    #[test]
    fn asking_the_bot_for_its_whole_subject_is_help() {
        let chat = |m: &str| {
            chat_only(
                &Message::new(m),
                crate::search::lexicon::is_filler,
                crate::search::lexicon::asks,
            )
        };
        for m in [
            "can you find me llm learning resources?",
            "你能帮我找大模型资料吗",
        ] {
            assert_eq!(chat(m), Some(SmallTalk::Help), "{m}");
        }
        // Not asked of the bot, or naming a topic in it: a question. A quotation's "you" is
        // not the bot.
        for m in [
            "llm learning resources?",
            "can you find me lora resources?",
            "“Attention is all you need”这句话翻译成中文怎么说比较自然？",
            "给上司写邮件的时候，“您”和“你”应该怎么用？",
        ] {
            assert_eq!(chat(m), None, "{m}");
        }
    }

    #[test]
    fn quotations_are_left_out_when_closed() {
        assert_eq!(
            without_quotes("“您”和“你”怎么用"),
            " quotation 和 quotation 怎么用"
        );
        assert_eq!(without_quotes("say \"hi you\" ok"), "say  quotation  ok");
        assert_eq!(
            without_quotes("Colab says 'You cannot connect'. how long?"),
            "Colab says  quotation . how long?"
        );
        // Apostrophes quote nothing; an unclosed mark is kept as typed.
        assert_eq!(
            without_quotes("don't say it's 'fine"),
            "don't say it's 'fine"
        );
        assert_eq!(without_quotes("「你好"), "「你好");
    }

    #[test]
    fn greetings_bound_into_the_sentence_close_nothing() {
        for m in [
            "power bi dashboard refresh fails with gateway error every morning",
            "阿里云账单欠费停机了 里面的数据还在吗",
            "my cron job runs this morning",
            "Microsoft Teams keeps logging me out every single morning",
            "GitLab CI 的 pipeline 老卡在 pending，runner 明明显示在线",
        ] {
            assert_eq!(
                Frame::of(&Message::new(m)).small_talk(|_| false),
                None,
                "{m}"
            );
        }
        assert_eq!(
            Frame::of(&Message::new("数据集的问题先放一放，在吗")).small_talk(|_| false),
            Some(SmallTalk::Greeting)
        );
    }

    #[test]
    fn emoji_alone_are_small_talk() {
        assert_eq!(recognise(&Message::new("🙏🙏🙏")), Some(SmallTalk::Thanks));
        assert_eq!(recognise(&Message::new("👋")), Some(SmallTalk::Greeting));
        assert_eq!(recognise(&Message::new("👋🙏")), None);
        // Decoration neither says anything alone nor breaks what the others say.
        assert_eq!(
            recognise(&Message::new("👍👍👍✨")),
            Some(SmallTalk::Thanks)
        );
        assert_eq!(recognise(&Message::new("✨")), None);
        assert_eq!(
            recognise(&Message::new("好的收到，感谢大佬🙏")),
            Some(SmallTalk::Thanks)
        );
    }

    #[test]
    fn fillers_that_acknowledge_thank_as_a_whole_message() {
        for m in ["ok", "好的", "好滴", "okie dokie", "get✅", "ok bro"] {
            assert_eq!(recognise(&Message::new(m)), Some(SmallTalk::Thanks), "{m}");
        }
        // Beside a greeting the greeting is what is said; fillers alone say nothing.
        assert_eq!(
            recognise(&Message::new("ok bye bye")),
            Some(SmallTalk::Greeting)
        );
        assert_eq!(recognise(&Message::new("哈哈")), None);
    }

    #[test]
    fn comings_goings_and_thanks_as_typed_in_chat() {
        let cases = [
            ("我又回来了哈哈", SmallTalk::Greeting),
            ("喂喂喂，有冇人呀", SmallTalk::Greeting),
            ("zaima", SmallTalk::Greeting),
            ("先撤了，回头再来", SmallTalk::Greeting),
            ("gn everyone, going to sleep 😴", SmallTalk::Greeting),
            ("Happy Diwali to everyone", SmallTalk::Greeting),
            ("yyds", SmallTalk::Thanks),
            ("Merci !", SmallTalk::Thanks),
            ("10/10 would ask again lmao", SmallTalk::Thanks),
            ("kudos to whoever made this bot", SmallTalk::Thanks),
            ("多久更新一次", SmallTalk::Help),
            // Regional voices, and praise that opens like a greeting.
            ("你好棒棒👍", SmallTalk::Thanks),
            ("推推 這個 bot 好讚", SmallTalk::Thanks),
            ("Selamat pagi", SmallTalk::Greeting),
            ("Maraming salamat po talaga!", SmallTalk::Thanks),
            ("喂，有冇人喺度啊？", SmallTalk::Greeting),
            ("test pls ignore", SmallTalk::Help),
        ];
        for (m, kind) in cases {
            assert_eq!(recognise(&Message::new(m)), Some(kind), "{m}");
        }
        // 有冇人 opens a question unless a particle closes it; a bare test is no message to the bot.
        assert_eq!(recognise(&Message::new("有冇人識 Spring Boot")), None);
        assert_eq!(recognise(&Message::new("test test 123")), None);
    }

    #[test]
    fn closing_by_saying_hello_announces_all_before_it() {
        let asks = crate::search::lexicon::asks;
        for said in [
            "大家好，我是做后端的，最近转行学大模型，先来打个招呼",
            "Hi, we're building a Discord bot with a local Llama, nothing running yet. Figured \
             I'd say hello first.",
            "Hi all! I'm Sam, data analyst from Toronto. Trying to pivot into LLM stuff, glad \
             to be here :)",
        ] {
            let message = Message::new(said);
            assert_eq!(
                Frame::of(&message).announced(asks),
                Some(SmallTalk::Greeting),
                "{said}"
            );
        }
        // A question before the closing is still asked.
        for asked in [
            "大家好，LoRA 怎么调参？先来打个招呼",
            "hi, how do I shard a model across two nodes? just saying hello",
        ] {
            let message = Message::new(asked);
            assert_eq!(Frame::of(&message).announced(asks), None, "{asked}");
        }
    }

    #[test]
    fn latin_inside_chinese_is_a_word() {
        assert_eq!(units("你是ai吗"), ["你", "是", "ai", "吗"]);
        assert_eq!(units("谢谢bro 3q"), ["谢", "谢", "bro", "3q"]);
        assert_eq!(recognise(&Message::new("你是AI吗")), Some(SmallTalk::Help));
    }

    #[test]
    fn a_question_mark_after_asking_whether_the_bot_is_there_asks_nothing_more() {
        let asks = crate::search::lexicon::asks;
        let framed = |m: &str| Frame::of(&Message::new(m)).small_talk(asks);
        for greets in [
            "在吗？刚开完会，来打个招呼",
            "you there? just dropping by to say hi",
            "bot 你今天心情好吗？",
            "hey, you around?",
        ] {
            assert_eq!(framed(greets), Some(SmallTalk::Greeting), "{greets}");
        }
        // A question mark after anything else still asks.
        for asks_more in [
            "hi, you there? how do I renew my passport",
            "在吗，今天的会几点开？来打个招呼",
        ] {
            assert_eq!(framed(asks_more), None, "{asks_more}");
        }
    }

    #[test]
    fn stretched_words_are_the_word() {
        assert_eq!(unstretched("hiii thxxx heyyyy"), "hi thx hey");
        // Doubled letters are spelling, not stretching.
        assert_eq!(unstretched("hii good 谢谢谢谢"), "hii good 谢谢谢谢");
        assert_eq!(
            recognise(&Message::new("Hiiii!!")),
            Some(SmallTalk::Greeting)
        );
    }

    #[test]
    fn messages_that_open_or_close_with_small_talk() {
        for (m, kind) in [
            (
                "thanks a lot, that's exactly what I needed",
                SmallTalk::Thanks,
            ),
            ("cheers mate, appreciate it", SmallTalk::Thanks),
            ("你好呀，第一次用这个机器人", SmallTalk::Greeting),
            ("谢谢你，很有帮助！", SmallTalk::Thanks),
            ("that was quick, thank you", SmallTalk::Thanks),
            ("hi, what can you do for me today", SmallTalk::Help),
            ("hello，help 一下，你都能干嘛", SmallTalk::Help),
            (
                "what can this bot do? just links, or do you summarize AI news too?",
                SmallTalk::Help,
            ),
            (
                "hey there, how's it going, first time here",
                SmallTalk::Greeting,
            ),
            // A lone ideograph set apart is said on its own.
            ("早，今天继续折腾部署", SmallTalk::Greeting),
            ("早 各位", SmallTalk::Greeting),
        ] {
            assert_eq!(
                Frame::of(&Message::new(m)).small_talk(|_| false),
                Some(kind),
                "{m}"
            );
        }
        for m in [
            "早点睡觉对身体好吗",
            "早点 睡觉对身体好吗",
            "what is a transformer",
            "好的那就这样吧",
            "excel vlookup 怎么用",
            "hi, sorry to bother you, how do I renew my passport online?",
            "谢谢！顺便问下红烧肉怎么做？",
        ] {
            assert_eq!(
                Frame::of(&Message::new(m)).small_talk(|_| false),
                None,
                "{m}"
            );
        }
        // What is left between the phrases goes to `asks`, Chinese fillers and all.
        let rest = |m: &str| {
            let seen = std::cell::RefCell::new(String::new());
            Frame::of(&Message::new(m)).small_talk(|units: &[&str]| {
                *seen.borrow_mut() = units.join(" ");
                true
            });
            seen.into_inner()
        };
        assert_eq!(
            rest("thx bro! also, how to fix my router"),
            "also how to fix my router"
        );
        assert_eq!(rest("您好，请问附近"), "请 问 附 近");
    }

    #[test]
    fn a_standing_rule_asked_of_the_bot_shapes_its_answers() {
        let shapes = |m: &str| shapes_answers(&Message::new(m));
        assert!(shapes("能不能以后只给我中文的资料"));
        assert!(shapes("could you only send one link each time"));
        assert!(shapes("only english please"));
        // A rule without a request, or a request without a rule.
        assert!(!shapes("以后再说吧"));
        assert!(!shapes("can you recommend a lora tutorial"));
    }
}
