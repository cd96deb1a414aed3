/// Which way a revision runs: its `upgrade { }` block or its `downgrade { }` block.
/// The one direction every stage uses (graph steps, scripts, the runner's report);
/// the raw value is what `migc_history.direction` stores.
public enum Direction: String, Hashable, Sendable {
    case up, down

    /// The block (and command) name: `upgrade` or `downgrade`.
    public var blockName: String { self == .up ? "upgrade" : "downgrade" }
}
