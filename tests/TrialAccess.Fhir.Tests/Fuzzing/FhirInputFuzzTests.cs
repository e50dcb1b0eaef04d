using System.Text;
using System.Xml.Linq;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Fhir.Matching;
using TrialAccess.Fhir.Patients;
using TrialAccess.Patients;
using TrialAccess.Testing;
using TrialAccess.Testing.Fuzzing;

namespace TrialAccess.Fhir.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of FHIR input through the readers the hosts use: <see cref="PatientIntake"/> with the Firely-based
/// <see cref="McodePatientReader"/> (the CLI, <c>/api/match</c> and the clinician page) and <see cref="CodexRequest"/>
/// (the CodeX endpoints), seeded from the real CodeX fixtures in <c>../shared/data/fhir/codex</c>. Reading never throws:
/// bad input is a result whose errors say where; whatever is read can be evaluated against real criteria. Bounded for
/// CI; see <see cref="Fuzz"/> to replay a seed.
/// </summary>
public class FhirInputFuzzTests
{
    private static readonly PatientIntake Intake = new(new McodePatientReader());

    private static readonly McodePatientReader Reader = new();

    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static readonly Lazy<List<byte[]>> Seeds = new(() =>
        Directory.EnumerateFiles(SharedData.PathTo("fhir/codex"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList());

    /// <summary>Real criteria: every criterion of a sample of the legacy XML trials, parsed once.</summary>
    private static readonly Lazy<List<ParsedCriterion>> Criteria = new(() =>
        Directory.EnumerateFiles(SharedData.PathTo("trials/ctgov-xml"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where((_, i) => i % 400 == 0)
            .Select(f => XDocument.Load(f).Root?.Element("eligibility")?.Element("criteria")?.Value)
            .OfType<string>()
            .SelectMany(text => CriteriaSegmenter.Segment(text).Criteria)
            .Select(segment => CriterionParser.Default.Parse(segment.Text, segment.Role))
            .ToList());

    private static byte[] Pick(Mutator mutator) => Seeds.Value[new Random(mutator.Seed).Next(Seeds.Value.Count)];

    private static void Evaluate(PatientProfile patient)
    {
        foreach (var criterion in Criteria.Value)
        {
            EligibilityEvaluator.Evaluate(criterion, patient, Context);
        }
    }

    [SharedDataFact]
    public Task Intake_MutatedCodexBundles_AreReadAndEvaluatedWithoutThrowing() =>
        Fuzz.CheckAsync("FHIR bundles through PatientIntake and the Firely reader", 250, mutator =>
        {
            var result = Intake.Read(Encoding.UTF8.GetString(mutator.Mutate(Pick(mutator))));
            if (result.Profile is null)
            {
                result.Errors.Should().NotBeEmpty("a failed read says why");
                return;
            }

            Evaluate(result.Profile);
        });

    [SharedDataFact]
    public Task CodexRequest_MutatedRequests_AreSearchesOrLocatedFaults() =>
        Fuzz.CheckAsync("CodeX requests", 250, mutator =>
        {
            var seed = Encoding.UTF8.GetString(Pick(mutator));
            var asParameters = mutator.Seed % 2 == 0;
            var request = asParameters
                ? $$"""{"resourceType": "Parameters", "parameter": [{"name": "trialMatchClinicalData", "resource": {{seed}}}, {"name": "zipCode", "valueString": "02115"}, {"name": "travelRadius", "valueDecimal": 100}]}"""
                : seed;
            var bytes = mutator.Mutate(Encoding.UTF8.GetBytes(request), maxMutations: 3);

            var result = asParameters ? CodexRequest.FromParameters(bytes) : CodexRequest.FromBundle(bytes);

            if (result.Search is not { } search)
            {
                result.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Location != null, "every fault of a request is located");
                return;
            }

            var patient = Reader.Read(search.Patient, search.SkipEntries.ToHashSet());
            if (patient.Profile is { } profile)
            {
                Evaluate(profile);
            }
            else
            {
                patient.Errors.Should().NotBeEmpty();
            }
        });
}
