namespace TrialAccess.Patients;

/// <summary>
/// The port through which <see cref="PatientIntake"/> reads FHIR: an R4 Bundle (JSON) of mCODE-style resources into a
/// patient. The FHIR adapter (<c>TrialAccess.Fhir</c>) implements it; hosts choose the implementation.
/// </summary>
public interface IFhirPatientReader
{
    /// <summary>Reads one patient from a FHIR Bundle; bad input gives a result with errors naming where, never an exception.</summary>
    PatientIntakeResult Read(string json);
}
