using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Testing;
using TrialAccess.Testing.Fuzzing;

namespace TrialAccess.Core.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of the patient readers of the domain (notes, structured JSON) and of the criteria parser and
/// evaluator, seeded from the real TREC 2021 topics and trial criteria in <c>../shared/data</c> and the project's own
/// patient example: reading never throws (bad input is a result with errors), and whatever is read can be evaluated
/// against real criteria without throwing. Property-based tests add patients with extreme numbers. FHIR bundles are
/// fuzzed through the real (Firely) reader in <c>TrialAccess.Fhir.Tests</c>, since the domain only has the port.
/// Bounded for CI; see <see cref="Fuzz"/> to replay a seed.
/// </summary>
public class PatientInputFuzzTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static readonly Lazy<List<string>> Topics = new(() =>
        XDocument.Load(SharedData.PathTo("benchmarks/trec2021/topics2021.xml")).Descendants("topic").Select(t => t.Value.Trim()).ToList());

    private static readonly Lazy<byte[]> PatientExample = new(() => File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "patient.json")));

    /// <summary>Real criteria: every criterion of a sample of the legacy XML trials, parsed once.</summary>
    private static readonly Lazy<List<ParsedCriterion>> Criteria = new(() =>
        Directory.EnumerateFiles(SharedData.PathTo("trials/ctgov-xml"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where((_, i) => i % 400 == 0)
            .Select(f => XDocument.Load(f).Root?.Element("eligibility")?.Element("criteria")?.Value)
            .OfType<string>()
            .SelectMany(text => CriteriaSegmenter.Segment(text).Criteria)
            .Select(segment => CriterionParser.Default.Parse(segment.Text, segment.Role))
            .ToList());

    private static void ReadAndEvaluate(string input)
    {
        var result = PatientIntake.WithoutFhir.Read(input);
        if (result.Profile is null)
        {
            result.Errors.Should().NotBeEmpty("a failed read says why");
            return;
        }

        foreach (var criterion in Criteria.Value)
        {
            EligibilityEvaluator.Evaluate(criterion, result.Profile, Context);
        }
    }

    private static T Pick<T>(Mutator mutator, IReadOnlyList<T> list) => list[new Random(mutator.Seed).Next(list.Count)];

    [SharedDataFact]
    public Task Notes_MutatedTrecTopics_AreReadAndEvaluatedWithoutThrowing() =>
        Fuzz.CheckAsync("notes", 250, mutator => ReadAndEvaluate(mutator.MutateText(Pick(mutator, Topics.Value), maxMutations: 6)));

    [SharedDataFact]
    public Task StructuredJson_MutatedPatients_AreReadAndEvaluatedWithoutThrowing() =>
        Fuzz.CheckAsync("structured patient JSON", 300, mutator =>
        {
            var bytes = mutator.Mutate(PatientExample.Value);
            ReadAndEvaluate(Encoding.UTF8.GetString(bytes));
            ReadAndEvaluate(mutator.MutateText(Encoding.UTF8.GetString(PatientExample.Value)));
        });

    [SharedDataFact]
    public Task Criteria_MutatedRealCriteria_AreParsedAndEvaluatedWithoutThrowing() =>
        Fuzz.CheckAsync("criteria", 400, mutator =>
        {
            var criterion = Pick(mutator, Criteria.Value);
            var text = mutator.MutateText(criterion.Segment.Text, maxMutations: 5);
            var parsed = CriterionParser.Default.Parse(text, criterion.Segment.Role);
            EligibilityEvaluator.Evaluate(parsed, ExtremePatient(mutator.Seed), Context);
        });

    [SharedDataFact]
    public void Evaluate_PatientsWithExtremeNumbers_NeverThrows()
    {
        var extreme = Gen.Elements(0m, -1m, 1e-28m, 1e-25m, 0.5m, 1m, 1.5m, 1_000_000m, 1e20m, decimal.MaxValue, decimal.MinValue, 79228162514264337593543950m);
        var patient = Gen.Zip(extreme, Gen.Zip(extreme, extreme)).Select(p => (Item1: p.Item1, Item2: p.Item2.Item1, Item3: p.Item2.Item2)).Select(t => ExtremePatient(0) with
        {
            Age = new Fact<decimal>(Math.Abs(t.Item1 % 200)),
            LabResults =
            [
                new LabResult { Analyte = "AST", Value = t.Item1, UpperLimitOfNormal = t.Item2 == 0 ? null : Math.Abs(t.Item2), Unit = "U/L" },
                new LabResult { Analyte = "ANC", Value = t.Item3, Unit = "10^5/uL" },
                new LabResult { Analyte = "hemoglobin", Value = t.Item2, Unit = "mmol/L" },
                new LabResult { Analyte = "testosterone", Value = t.Item3, Unit = "nmol/L" },
                new LabResult { Analyte = "glucose", Value = t.Item1, Unit = "mmol/L" },
            ],
        });

        Prop.ForAll(patient.ToArbitrary(), p =>
        {
            foreach (var criterion in Criteria.Value)
            {
                EligibilityEvaluator.Evaluate(criterion, p, Context);
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>A patient whose numbers sit at the edges of what a decimal holds.</summary>
    private static PatientProfile ExtremePatient(int seed) => new()
    {
        Age = new Fact<decimal>(seed % 2 == 0 ? 0m : 130m),
        Sex = new Fact<PatientSex>(PatientSex.Female),
        Diagnoses = [new Diagnosis { Text = "breast cancer", OncoTreeCode = "BRCA", Stage = new Stage { Group = "IV", Metastatic = true } }],
        PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Karnofsky, 100)],
        Therapies = [new Therapy { Name = "paclitaxel", Line = 20, Cycles = 1000, StartedOn = DateOnly.MinValue, EndedOn = DateOnly.MaxValue }],
        LabResults =
        [
            new LabResult { Analyte = "AST", Value = 1_000_000m, UpperLimitOfNormal = 1e-25m, Unit = "U/L" },
            new LabResult { Analyte = "ANC", Value = decimal.MaxValue, Unit = "10^5/uL" },
            new LabResult { Analyte = "creatinine", Value = decimal.MinValue, Unit = "umol/L", UpperLimitOfNormal = 1e-28m },
        ],
        Conditions = [new Condition { Text = "hepatitis B", OnsetOn = DateOnly.MinValue }],
    };
}
