//! The tables of `chats`, `tasks list` and `checkpoints list`: each column as wide as its widest cell (chat
//! ids run to 64 characters, node ids and statuses vary), two spaces between columns, the last column
//! unpadded. Every cell is one line.

/// How a column's cells sit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Text: against the left edge.
    Left,
    /// Numbers: against the right edge.
    Right,
}

/// Renders `rows` under `header` (one name and alignment per column), one line each, header first.
pub(super) fn render(header: &[(&str, Align)], rows: &[Vec<String>]) -> Vec<String> {
    let one_line = |text: &str| text.replace(['\n', '\r', '\t'], " ");
    let header_row: Vec<String> = header.iter().map(|(name, _)| (*name).to_owned()).collect();
    let rows: Vec<Vec<String>> = std::iter::once(header_row)
        .chain(
            rows.iter()
                .map(|row| row.iter().map(|cell| one_line(cell)).collect()),
        )
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let last = row.len().saturating_sub(1);
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(column, cell)| {
                    let width = widths.get(column).copied().unwrap_or(0);
                    match header.get(column).map(|(_, align)| *align) {
                        Some(Align::Right) => format!("{cell:>width$}"),
                        _ if column == last => cell.clone(),
                        _ => format!("{cell:<width$}"),
                    }
                })
                .collect();
            cells.join("  ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_as_wide_as_their_widest_cell() {
        let lines = render(
            &[
                ("ID", Align::Left),
                ("SIZE", Align::Right),
                ("TITLE", Align::Left),
            ],
            &[
                vec![
                    "0f8e1b2c-1111-4222-8333-944445555666".to_owned(),
                    "12 B".to_owned(),
                    "a\nb".to_owned(),
                ],
                vec!["x".to_owned(), "1234567 B".to_owned(), "ünïcode".to_owned()],
            ],
        );
        assert_eq!(
            lines,
            [
                "ID                                         SIZE  TITLE",
                "0f8e1b2c-1111-4222-8333-944445555666       12 B  a b",
                "x                                     1234567 B  ünïcode",
            ]
        );
    }
}
