import TenantModel

/// The privilege graph of a tenant at one moment (placeholder, filled by issue 5).
public enum PrivilegeGraphPlaceholder {}
