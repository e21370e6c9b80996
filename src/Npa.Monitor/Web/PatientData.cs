namespace Npa.Monitor.Web;

/// <summary>Endpoint metadata: the endpoint serves patient data (scores, alerts), so off loopback it needs the dashboard token.</summary>
public sealed class PatientData;
