namespace TrialAccess.Patients.Fhir;

public static class FhirBundleReader
{
    public static PatientIntakeResult Read(string json) => PatientIntakeResult.Failure(PatientInputKind.FhirBundle, "FHIR bundles are not read yet.");
}
