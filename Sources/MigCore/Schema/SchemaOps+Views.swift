// Views for the generator (SchemaOps): views that go or change are dropped before
// anything they read can change (with every view reading them), and created again
// last, each after the views it reads. A changed view is dropped and created rather
// than replaced, so views reading it follow. Compared from a database (`comparing`
// given), bodies are not compared: the engines rewrite them (see ViewComparison).

extension SchemaOps.Work {
    mutating func views(compareBodies: Bool) {
        var changed = Set<String>()
        for name in current.views.keys.sorted() {
            guard let goal = targetView.views[name] ?? target.views[name] else { changed.insert(name); continue }
            let now = view.views[name] ?? current.views[name]!
            if now.dependsOn != goal.dependsOn || (compareBodies && now.body != goal.body) { changed.insert(name) }
        }
        let dropped = current.viewsTransitively(dependingOn: changed).map(\.name) + changed
        let droppedSet = Set(dropped)
        // Dependents first: the reverse of an order that creates them.
        for v in Schema.creationOrder(dropped.compactMap { current.views[$0] }).reversed() {
            emit(.dropViews, .dropView(DropView(name: Identifier(v.name))))
        }
        let before = current.views
        let created = target.views.values.filter { before[$0.name] == nil || droppedSet.contains($0.name) }
        for v in Schema.creationOrder(Array(created)) {
            emit(.createViews, .createView(v.definition))
        }
    }
}
