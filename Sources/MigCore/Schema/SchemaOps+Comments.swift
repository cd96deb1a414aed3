// Table and column comments for the generator (SchemaOps): set after every table
// and column exists, removed with `null`. Decided on the comparison views (SQLite
// has no comments, so a database read there never asks for one), valued from the target.

extension SchemaOps.Work {
    mutating func comments() {
        for name in target.tables.keys.sorted() {
            let goal = target.tables[name]!
            let seenGoal = targetView.tables[name], seenNow = view.tables[name]
            if seenGoal?.comment != seenNow?.comment {
                emit(.comments, .comment(CommentOn(target: .table(Identifier(name)), text: goal.comment.map { StringLiteral($0) })))
            }
            for column in goal.columns {
                let wanted = seenGoal?.column(named: column.name)?.comment, had = seenNow?.column(named: column.name)?.comment
                guard wanted != had else { continue }
                emit(.comments, .comment(CommentOn(target: .column(Identifier(name), Identifier(column.name)), text: column.comment.map { StringLiteral($0) })))
            }
        }
    }
}
