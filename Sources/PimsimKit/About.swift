/// Facts about pimsim itself.
public enum About {
    /// The version `pimsim --version` prints and reports name.
    public static let version = "0.1.0"
}
