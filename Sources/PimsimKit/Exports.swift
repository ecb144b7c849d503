// The command line sees the pipeline's public types through PimsimKit alone.
@_exported import ExposureMetrics
@_exported import Reports
@_exported import ScenarioFormat
@_exported import TenantModel

/// A validated scenario, as the command line sees it.
public typealias LoadedScenario = Scenario

/// The built-in role catalogue.
public typealias Catalogue = RoleCatalogue
