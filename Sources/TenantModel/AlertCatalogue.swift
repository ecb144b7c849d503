/// The ids of the alerts pimsim evaluates (Microsoft's PIM alerts and CISA ScubaGear's MS.AAD.7
/// policies), as `metrics.json` and assertions name them. ExposureMetrics' `AlertKind` has one
/// case per id (a test keeps the two equal).
public enum AlertCatalogue {
    /// Every alert id, in `AlertKind`'s order.
    public static let ids = [
        "TooManyGlobalAdminsAssignedToTenantAlert", "RolesAssignedOutsidePimAlert", "NoMfaOnRoleActivationAlert",
        "StaleSignInAlert", "RedundantAssignmentAlert", "SequentialActivationRenewalsAlert",
        "CISA.MS.AAD.7.1v1", "CISA.MS.AAD.7.2v1", "CISA.MS.AAD.7.3v1", "CISA.MS.AAD.7.4v1", "CISA.MS.AAD.7.5v1",
        "CISA.MS.AAD.7.6v1", "CISA.MS.AAD.7.7v1", "CISA.MS.AAD.7.8v1", "CISA.MS.AAD.7.9v1",
    ]
}
