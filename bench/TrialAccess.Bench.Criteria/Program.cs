using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Registry.Sources;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

// Usage: dotnet run -c Release --project bench/TrialAccess.Bench.Criteria -- [trials folder] [--vocab folder] [--rounds N] [--dump file]
// Reads the corpus first (not timed), then times: segmentation alone, segmentation + parsing, and evaluation of the
// parsed trials against one patient. One thread: the figures are for one core. The CPU time of segmentation + parsing
// (the process's, GC included) is printed beside the elapsed time: on a shared machine it moves less with the load.
// --dump writes every parsed trial (its criteria with their constraints, scopes and spans) as JSON Lines before timing,
// so that two commits can be compared byte for byte (a change meant only for speed must leave the file identical).
var arguments = args.ToList();
var vocabFolder = Take(arguments, "--vocab");
var dumpFile = Take(arguments, "--dump");
var rounds = int.Parse(Take(arguments, "--rounds") ?? "3", CultureInfo.InvariantCulture);
var folder = arguments.FirstOrDefault() ?? Path.Combine("..", "shared", "data", "trials");
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"error: trials folder '{folder}' not found (run from the repository root, or pass the folder)");
    return 1;
}

var load = Stopwatch.StartNew();
var trials = new List<ClinicalTrial>();
foreach (var file in TrialSources.Expand([folder]).Files)
{
    await foreach (var read in TrialSources.ReadFileAsync(file))
    {
        if (read.Trial is { Eligibility.Criteria: not null } trial)
        {
            trials.Add(trial);
        }
    }
}

var parser = vocabFolder is null ? CriterionParser.Default : new CriterionParser(VocabularyFolder.Load(vocabFolder).Vocabulary);
Console.WriteLine($"corpus: {trials.Count} trials with criteria from {folder}, read in {load.Elapsed.TotalSeconds:F1} s; vocabulary: {(vocabFolder is null ? "built-in" : vocabFolder)}");

if (dumpFile is not null)
{
    var options = new JsonSerializerOptions { WriteIndented = false };
    await using var dump = new StreamWriter(dumpFile);
    foreach (var trial in trials)
    {
        var eligibility = TrialCriteriaParser.Parse(trial, parser);
        await dump.WriteLineAsync(JsonSerializer.Serialize(eligibility, options));
        await dump.WriteLineAsync(JsonSerializer.Serialize(eligibility.Population, options));
    }

    Console.WriteLine($"dump: {trials.Count} parsed trials written to {dumpFile}");
}

// Warm-up: one pass so that regexes and tiered compilation are settled.
foreach (var trial in trials.Take(500))
{
    TrialCriteriaParser.Parse(trial, parser);
}

var patient = new PatientProfile
{
    BirthDate = new DateOnly(1962, 3, 4),
    Sex = new Fact<PatientSex>(PatientSex.Female),
    Diagnoses = [new Diagnosis { Text = "breast cancer", OncoTreeCode = "BRCA", Stage = new Stage { Group = "IV", Metastatic = true } }],
    Biomarkers = [new Biomarker { Marker = "ERBB2", Status = BiomarkerStatus.Negative }, new Biomarker { Marker = "ESR1" }],
    PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Ecog, 1)],
    Therapies = [new Therapy { Name = "letrozole", Line = 1 }, new Therapy { Name = "palbociclib", Line = 1 }],
    LabResults = [new LabResult { Analyte = "ANC", Value = 2.1m, Unit = "10^9/L" }, new LabResult { Analyte = "platelets", Value = 210, Unit = "10^9/L" }],
};
var context = EvaluationContext.On(new DateOnly(2026, 11, 22));

for (var round = 1; round <= rounds; round++)
{
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    using var self = Process.GetCurrentProcess();
    var cpuBefore = self.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var segments = 0L;
    foreach (var trial in trials)
    {
        segments += CriteriaSegmenter.Segment(trial.Eligibility.Criteria).Criteria.Count;
    }

    var segmentTime = watch.Elapsed;
    watch.Restart();
    var parsed = new List<ParsedEligibility>(trials.Count);
    var criteria = 0L;
    var typed = 0L;
    foreach (var trial in trials)
    {
        var eligibility = TrialCriteriaParser.Parse(trial, parser);
        parsed.Add(eligibility);
        criteria += eligibility.Criteria.Count;
        typed += eligibility.TypedCount;
    }

    var parseTime = watch.Elapsed;
    self.Refresh();
    var parseCpu = self.TotalProcessorTime - cpuBefore;
    var allocatedParse = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    watch.Restart();
    var verdicts = new int[Enum.GetValues<TrialVerdict>().Length];
    foreach (var eligibility in parsed)
    {
        verdicts[(int)EligibilityEvaluator.Evaluate(eligibility, patient, context).Verdict]++;
    }

    var evaluateTime = watch.Elapsed;
    var byVerdict = string.Join(", ", Enum.GetValues<TrialVerdict>().Select(v => $"{v} {verdicts[(int)v]}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: segment {segments} criteria in {segmentTime.TotalSeconds:F2} s ({segments / segmentTime.TotalSeconds:F0}/s); " +
        $"segment+parse {criteria} criteria in {parseTime.TotalSeconds:F2} s, {parseCpu.TotalSeconds:F2} s of CPU ({criteria / parseTime.TotalSeconds:F0} criteria/s, typed {typed * 100.0 / criteria:F1}%), allocated {allocatedParse / 1048576.0:F0} MiB; " +
        $"evaluate {parsed.Count} trials in {evaluateTime.TotalSeconds:F2} s ({parsed.Count / evaluateTime.TotalSeconds:F0} trials/s; {byVerdict})"));
}

using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / 1048576.0:F0} MiB; total allocated: {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB; cores used: 1 (single thread), machine: {Environment.ProcessorCount} cores"));
return 0;

static string? Take(List<string> arguments, string name)
{
    var index = arguments.IndexOf(name);
    if (index < 0 || index + 1 >= arguments.Count)
    {
        return null;
    }

    var value = arguments[index + 1];
    arguments.RemoveRange(index, 2);
    return value;
}
