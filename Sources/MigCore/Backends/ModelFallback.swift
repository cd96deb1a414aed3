// Model objects built from the syntax alone, for the rare op whose `after` schema
// lacks the object (an unchecked input). Checked steps never need these, but a
// backend must render something sensible rather than trap.

extension Table {
    init(fallback op: CreateTable) {
        let name = op.name.name
        self.init(name: name, columns: op.columns.map(Column.init(fallback:)))
        for definition in op.columns {
            let column = definition.name.name
            for modifier in definition.modifiers {
                switch modifier.kind {
                case .primaryKey:
                    primaryKey = PrimaryKey(name: Schema.DefaultName.primaryKey(table: name), columns: [column])
                case .unique:
                    let n = Schema.DefaultName.unique(table: name, columns: [column])
                    uniques[n] = UniqueConstraint(name: n, columns: [column])
                case .references(let target):
                    let n = Schema.DefaultName.foreignKey(table: name, columns: [column])
                    foreignKeys[n] = ForeignKey(target, name: n, columns: [column])
                case .check(let expr):
                    let n = Schema.DefaultName.check(table: name, column: column)
                    checks[n] = CheckConstraint(name: n, expression: expr)
                default: break
                }
            }
        }
        for constraint in op.constraints {
            switch constraint.kind {
            case .primaryKey(let cols):
                primaryKey = PrimaryKey(name: Schema.DefaultName.primaryKey(table: name), columns: cols.map(\.name))
            case .unique(let n, let cols):
                uniques[n.name] = UniqueConstraint(name: n.name, columns: cols.map(\.name))
            case .foreignKey(let n, let cols, let target):
                foreignKeys[n.name] = ForeignKey(target, name: n.name, columns: cols.map(\.name))
            case .check(let n, let expr):
                checks[n.name] = CheckConstraint(name: n.name, expression: expr)
            }
        }
    }
}

extension Column {
    init(fallback definition: ColumnDefinition) {
        self.init(name: definition.name.name, type: definition.type.type)
        for modifier in definition.modifiers {
            switch modifier.kind {
            case .notNull, .primaryKey: nullable = false
            case .null: nullable = true
            case .defaultValue(let expr): defaultValue = expr
            case .autoincrement: autoincrement = true
            default: break
            }
        }
    }
}

extension ForeignKey {
    init(_ target: ForeignKeyTarget, name: String, columns: [String]) {
        self.init(
            name: name, columns: columns, referencedTable: target.table.name,
            referencedColumns: target.columns.map(\.name), onDelete: target.onDelete, onUpdate: target.onUpdate)
    }
}
