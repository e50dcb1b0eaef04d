using System.Text.Json;
using TrialAccess.Pipeline.Common;

namespace TrialAccess.Pipeline.Stages;

/// <summary>
/// The ordered stage definitions a centre uses. <see cref="Default"/> is the CRUK-style two-stage intake followed by
/// development (nomination, internal assessment, external review, committee decision, preclinical, regulatory
/// submission, Phase I, early Phase II, hand-over), read from the embedded <c>stages.json</c>; another centre's
/// definitions parse with <see cref="Parse"/>.
/// </summary>
public sealed class StageCatalog
{
    private readonly Dictionary<string, StageDefinition> _byCode;

    private StageCatalog(IReadOnlyList<StageDefinition> stages)
    {
        Stages = stages;
        _byCode = stages.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<StageDefinition> Stages { get; }

    // Initialised before Default, which reads the embedded file with them.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The embedded definitions.</summary>
    public static StageCatalog Default { get; } = LoadDefault();

    /// <summary>The first stage (where nominations start).</summary>
    public StageDefinition First => Stages[0];

    /// <summary>The stage with <paramref name="code"/>, or null.</summary>
    public StageDefinition? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var stage) ? stage : null;

    public StageDefinition Get(string code) => Find(code) ?? throw new ArgumentException($"Unknown stage '{code}'.", nameof(code));

    /// <summary>The stage after <paramref name="code"/>, or null at the last stage.</summary>
    public StageDefinition? Next(string code)
    {
        var stage = Get(code);
        return stage.Order + 1 < Stages.Count ? Stages[stage.Order + 1] : null;
    }

    /// <summary>The first clinical stage: entering it (or any later one) takes an agent into trials.</summary>
    public StageDefinition FirstClinical => Stages.First(s => s.IsClinical);

    /// <summary>Parses stage definitions from JSON (<c>{"stages": [...]}</c>); errors name the stage and field.</summary>
    public static Result<StageCatalog> Parse(string json)
    {
        StageFile? file;
        try
        {
            file = JsonSerializer.Deserialize<StageFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            return Result<StageCatalog>.Refuse("stages.json", $"The stage definitions are not valid JSON: {e.Message}");
        }

        if (file?.Stages is not { Count: > 0 } stages)
        {
            return Result<StageCatalog>.Refuse("stages.empty", "The stage definitions list no stage.");
        }

        var result = new List<StageDefinition>();
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            if (string.IsNullOrWhiteSpace(s.Code) || string.IsNullOrWhiteSpace(s.Name))
            {
                return Result<StageCatalog>.Refuse("stages.code", $"stages[{i}] needs a code and a name.");
            }

            if (result.Any(r => r.Code == s.Code))
            {
                return Result<StageCatalog>.Refuse("stages.duplicate", $"stages[{i}]: the code '{s.Code}' is used twice.");
            }

            if (!Enum.TryParse<StageCategory>(s.Category, ignoreCase: true, out var category))
            {
                return Result<StageCatalog>.Refuse("stages.category", $"stages[{i}] ({s.Code}): '{s.Category}' is not a category ({string.Join(", ", Enum.GetNames<StageCategory>())}).");
            }

            if (category == StageCategory.Clinical && (s.FhirPhase is null || s.CtGovPhase is null))
            {
                return Result<StageCatalog>.Refuse("stages.phase", $"stages[{i}] ({s.Code}): a clinical stage needs fhirPhase and ctGovPhase.");
            }

            result.Add(new StageDefinition(s.Code, s.Name, i, category, Gate(s.EntryGate), Gate(s.ExitGate), s.FhirPhase, s.CtGovPhase));
        }

        if (!result.Any(r => r.IsClinical))
        {
            return Result<StageCatalog>.Refuse("stages.clinical", "The stage definitions need at least one clinical stage.");
        }

        return Result<StageCatalog>.Ok(new StageCatalog(result));
    }

    private static GateDefinition? Gate(GateFile? gate) =>
        gate is null ? null : new GateDefinition(gate.Name ?? "Gate", gate.Criteria ?? [], gate.RequiresMeeting);

    private static StageCatalog LoadDefault()
    {
        using var stream = typeof(StageCatalog).Assembly.GetManifestResourceStream("TrialAccess.Pipeline.Stages.stages.json")
            ?? throw new InvalidOperationException("stages.json is not embedded.");
        using var reader = new StreamReader(stream);
        var parsed = Parse(reader.ReadToEnd());
        return parsed.Value ?? throw new InvalidOperationException("The embedded stages.json is invalid: " + parsed.Refusal);
    }

    private sealed class StageFile
    {
        public List<StageFileEntry>? Stages { get; set; }
    }

    private sealed class StageFileEntry
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Category { get; set; }

        public GateFile? EntryGate { get; set; }

        public GateFile? ExitGate { get; set; }

        public string? FhirPhase { get; set; }

        public string? CtGovPhase { get; set; }
    }

    private sealed class GateFile
    {
        public string? Name { get; set; }

        public List<string>? Criteria { get; set; }

        public bool RequiresMeeting { get; set; }
    }
}
