//! Fitting a resume prompt into its size budget: the prompt is made of sections, some with items that can
//! be cut (the oldest request, the earliest command...). While the prompt is over budget, the section of
//! lowest priority that still has items to spare loses one, from its older end (or, for lists where the
//! first matter most, its newer end), and says how many it lost.

/// Which end of a section's items goes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CutFrom {
    /// The oldest items go first: the newest are kept.
    Oldest,
    /// The last items go first: the first are kept.
    Newest,
}

/// A part of the prompt.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    /// Markdown heading, without `## `; none for the prompt's opening.
    pub(crate) title_opt: Option<String>,
    /// Text before the items, never cut.
    pub(crate) intro: String,
    /// The items, each a line (or lines) ending with a newline.
    pub(crate) items: Vec<String>,
    /// Text after the items, never cut.
    pub(crate) outro: String,
    /// Which end is cut.
    pub(crate) cut_from: CutFrom,
    /// Items always kept.
    pub(crate) keep: usize,
    /// Lower priorities are cut first.
    pub(crate) priority: u8,
    dropped: usize,
}

impl Section {
    /// A section of fixed text.
    pub(crate) fn text(title_opt: Option<&str>, intro: String) -> Section {
        Section::list(title_opt, intro, Vec::new(), CutFrom::Oldest, 0, u8::MAX)
    }

    /// A section with items.
    pub(crate) fn list(
        title_opt: Option<&str>,
        intro: String,
        items: Vec<String>,
        cut_from: CutFrom,
        keep: usize,
        priority: u8,
    ) -> Section {
        Section {
            title_opt: title_opt.map(str::to_owned),
            intro,
            items,
            outro: String::new(),
            cut_from,
            keep,
            priority,
            dropped: 0,
        }
    }

    /// Adds text after the items.
    pub(crate) fn with_outro(mut self, outro: String) -> Section {
        self.outro = outro;
        self
    }

    fn render(&self, out: &mut String) {
        if let Some(title) = &self.title_opt {
            out.push_str("## ");
            out.push_str(title);
            out.push_str("\n\n");
        }
        out.push_str(&self.intro);
        if self.dropped > 0 && self.cut_from == CutFrom::Oldest {
            out.push_str(&format!("- …[{} earlier cut]\n", self.dropped));
        }
        for item in &self.items {
            out.push_str(item);
        }
        out.push_str(&self.outro);
        if self.dropped > 0 && self.cut_from == CutFrom::Newest {
            out.push_str(&format!("- …[{} more cut]\n", self.dropped));
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }

    /// The rendered length, without rendering (the fitting loop asks often). It may count one newline
    /// more than [`render`](Self::render) writes; the prompt is cut to the budget in the end anyway.
    fn len(&self) -> usize {
        let title = self.title_opt.as_ref().map_or(0, |title| title.len() + 5);
        let marker = if self.dropped > 0 {
            format!("- …[{} earlier cut]\n", self.dropped).len()
        } else {
            0
        };
        title
            + self.intro.len()
            + marker
            + self.items.iter().map(String::len).sum::<usize>()
            + self.outro.len()
            + 1
    }

    fn spare(&self) -> bool {
        self.items.len() > self.keep
    }

    fn drop_one(&mut self) {
        match self.cut_from {
            CutFrom::Oldest => {
                self.items.remove(0);
            }
            CutFrom::Newest => {
                self.items.pop();
            }
        }
        self.dropped += 1;
    }
}

/// Renders the sections within `budget` bytes.
pub(crate) fn fit(mut sections: Vec<Section>, budget: usize) -> String {
    let mut lens: Vec<usize> = sections.iter().map(Section::len).collect();
    while lens.iter().sum::<usize>() > budget {
        // The lowest priority with items to spare; of those, the longest section.
        let Some(index) = (0..sections.len())
            .filter(|index| sections[*index].spare())
            .min_by_key(|index| (sections[*index].priority, usize::MAX - lens[*index]))
        else {
            break;
        };
        sections[index].drop_one();
        lens[index] = sections[index].len();
    }
    let mut out = String::with_capacity(budget);
    for section in &sections {
        section.render(&mut out);
    }
    let out = out.trim_end().to_owned() + "\n";
    // Fixed text alone over budget (it is bounded well under it): cut, never overflow.
    super::super::limits::cut_bytes(&out, budget)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_priority_loses_its_oldest_items_first() {
        let items = |prefix: &str| -> Vec<String> {
            (1..=50)
                .map(|index| format!("- {prefix} {index} {}\n", "x".repeat(40)))
                .collect()
        };
        let sections = vec![
            Section::text(None, "# Head\n\n".to_owned()),
            Section::list(
                Some("Requests"),
                String::new(),
                items("request"),
                CutFrom::Oldest,
                1,
                9,
            ),
            Section::list(
                Some("Tools"),
                String::new(),
                items("tool"),
                CutFrom::Oldest,
                0,
                1,
            ),
            Section::list(
                Some("Steps"),
                String::new(),
                items("step"),
                CutFrom::Newest,
                1,
                5,
            ),
        ];
        let text = fit(sections, 2_500);
        assert!(text.len() <= 2_500);
        assert!(!text.contains("- tool "), "tools go first:\n{text}");
        assert!(text.contains("- …[50 earlier cut]"));
        assert!(text.contains("request 50 ") && !text.contains("request 1 "));
        assert!(text.contains("step 1 ") && !text.contains("step 50 "));
        assert!(text.contains("more cut]"));
    }
}
