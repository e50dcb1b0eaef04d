using System.Text.Json;

namespace TrialAccess.Vocabulary;

/// <summary>What a loader added, or why it could not read its file.</summary>
public sealed record VocabularyLoadResult(string Source, int Added, string? Error = null)
{
    public bool IsSuccess => Error is null;
}

/// <summary>Adds every OncoTree code, with its name and parent, from the OncoTree tree JSON (<c>{"TISSUE": {..., "children": {...}}}</c>).</summary>
public static class OncoTreeLoader
{
    public static VocabularyLoadResult Load(CancerTypeCatalog catalog, Stream json, string source = "oncotree")
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var added = 0;
            Walk(document.RootElement, null);
            return new VocabularyLoadResult(source, added);

            void Walk(JsonElement children, string? parent)
            {
                if (children.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (var property in children.EnumerateObject())
                {
                    var node = property.Value;
                    var code = node.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : property.Name;
                    var name = node.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : code;
                    var known = catalog.Find(code);
                    var type = new CancerType(code, known?.Name ?? name, known?.Parent ?? parent);
                    if (type.Parent == CancerTypeCatalog.Root || code == CancerTypeCatalog.Root)
                    {
                        catalog.Add(type);
                    }
                    else
                    {
                        catalog.Add(type, name);
                    }

                    if (known is null)
                    {
                        added++;
                    }

                    if (node.TryGetProperty("children", out var next))
                    {
                        Walk(next, code);
                    }
                }
            }
        }
        catch (JsonException e)
        {
            return new VocabularyLoadResult(source, 0, $"not OncoTree JSON: {e.Message}");
        }
    }
}

/// <summary>Adds approved HGNC gene symbols (and their previous and alias symbols) from <c>hgnc_complete_set.txt</c>.</summary>
public static class HgncLoader
{
    public static VocabularyLoadResult Load(BiomarkerCatalog catalog, TextReader tsv, string source = "hgnc")
    {
        var header = tsv.ReadLine()?.Split('\t');
        var symbolColumn = header is null ? -1 : Array.IndexOf(header, "symbol");
        var statusColumn = header is null ? -1 : Array.IndexOf(header, "status");
        var locusColumn = header is null ? -1 : Array.IndexOf(header, "locus_group");
        var aliasColumn = header is null ? -1 : Array.IndexOf(header, "alias_symbol");
        var previousColumn = header is null ? -1 : Array.IndexOf(header, "prev_symbol");
        if (symbolColumn < 0)
        {
            return new VocabularyLoadResult(source, 0, "no 'symbol' column: not an HGNC complete set");
        }

        var added = 0;
        for (var line = tsv.ReadLine(); line is not null; line = tsv.ReadLine())
        {
            var fields = line.Split('\t');
            if (fields.Length <= symbolColumn || (statusColumn >= 0 && fields.Length > statusColumn && fields[statusColumn] != "Approved"))
            {
                continue;
            }

            if (locusColumn >= 0 && fields.Length > locusColumn && fields[locusColumn] != "protein-coding gene")
            {
                continue;
            }

            var symbol = fields[symbolColumn];
            if (Usable(symbol) && catalog.Symbols.TryAdd(symbol, catalog.Canonical(symbol)))
            {
                added++;
            }

            foreach (var column in new[] { aliasColumn, previousColumn })
            {
                if (column < 0 || fields.Length <= column)
                {
                    continue;
                }

                foreach (var alias in fields[column].Trim('"').Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Usable(alias))
                    {
                        catalog.Symbols.TryAdd(alias, symbol);
                    }
                }
            }
        }

        return new VocabularyLoadResult(source, added);
    }

    /// <summary>Symbols of three or more characters with a capital letter and a digit or four capitals (so "ALL" and "CAN" are not genes here).</summary>
    private static bool Usable(string symbol) =>
        symbol.Length >= 3 && symbol.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-') && (symbol.Any(char.IsDigit) || symbol.Length >= 4);
}

/// <summary>Adds drug names and synonyms from the DrugBank open vocabulary CSV (<c>Common name</c>, <c>Synonyms</c> separated by " | ").</summary>
public static class DrugBankLoader
{
    public static VocabularyLoadResult Load(DrugCatalog drugs, MedicalConceptCatalog concepts, TextReader csv, string source = "drugbank")
    {
        var header = ParseCsvLine(csv.ReadLine() ?? string.Empty);
        var nameColumn = header.IndexOf("Common name");
        var synonymsColumn = header.IndexOf("Synonyms");
        if (nameColumn < 0)
        {
            return new VocabularyLoadResult(source, 0, "no 'Common name' column: not the DrugBank vocabulary");
        }

        var added = 0;
        for (var line = csv.ReadLine(); line is not null; line = csv.ReadLine())
        {
            var fields = ParseCsvLine(line);
            if (fields.Count <= nameColumn || fields[nameColumn].Length < 4)
            {
                continue;
            }

            var name = fields[nameColumn];
            var synonyms = synonymsColumn >= 0 && fields.Count > synonymsColumn
                ? fields[synonymsColumn].Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length >= 4 && s.Length <= 60 && !MedicalConceptCatalog.TooGeneral.Contains(s)).ToArray()
                : [];
            if (MedicalConceptCatalog.TooGeneral.Contains(name))
            {
                continue;
            }

            var known = drugs.Find(name);
            drugs.Add(known ?? new Drug(name, [], []), synonyms);
            concepts.Add(new MedicalConcept(known?.Name ?? name, MedicalConceptKind.Medication), synonyms);
            if (known is null)
            {
                added++;
            }
        }

        return new VocabularyLoadResult(source, added);
    }

    internal static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>
/// Adds MeSH descriptors from a MeSH tree file (<c>Tree Number, Desc Ui, Term</c>, tab-separated): diseases (C) and
/// mental disorders (F03) as conditions, analytical/diagnostic/therapeutic techniques (E) as procedures.
/// </summary>
public static class MeshLoader
{
    public static VocabularyLoadResult Load(MedicalConceptCatalog catalog, TextReader tsv, string source = "mesh")
    {
        var added = 0;
        var first = true;
        for (var line = tsv.ReadLine(); line is not null; line = tsv.ReadLine())
        {
            if (first)
            {
                first = false;
                if (line.TrimStart('\uFEFF').StartsWith("Tree Number", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                continue;
            }

            var tree = fields[0];
            var term = fields[2].Trim();
            MedicalConceptKind? kind = tree switch
            {
                _ when tree.StartsWith('C') && !tree.StartsWith("C23.550.288", StringComparison.Ordinal) => MedicalConceptKind.Condition,
                _ when tree.StartsWith("F03", StringComparison.Ordinal) => MedicalConceptKind.Condition,
                _ when tree.StartsWith("E04", StringComparison.Ordinal) || tree.StartsWith("E02", StringComparison.Ordinal) => MedicalConceptKind.Procedure,
                _ => null,
            };
            if (kind is null || term.Length < 4 || term.Contains(',', StringComparison.Ordinal) || MedicalConceptCatalog.TooGeneral.Contains(term))
            {
                continue;
            }

            catalog.Add(new MedicalConcept(term, kind.Value, tree));
            added++;
        }

        return new VocabularyLoadResult(source, added);
    }
}

/// <summary>Loads every vocabulary file found under a folder laid out like <c>../shared/data/vocab</c>.</summary>
public static class VocabularyFolder
{
    /// <summary>
    /// Enriches a fresh copy of the built-in vocabulary from <c>oncotree/*.json</c>, <c>hgnc/*.txt</c>,
    /// <c>drugbank/*.csv</c> and <c>mesh/*Tree*.txt</c> under <paramref name="folder"/>; missing files are skipped.
    /// </summary>
    public static (OncologyVocabulary Vocabulary, IReadOnlyList<VocabularyLoadResult> Results) Load(string folder)
    {
        var vocabulary = new OncologyVocabulary();
        var results = new List<VocabularyLoadResult>();
        foreach (var file in Files(folder, "oncotree", "oncotree_2*.json"))
        {
            using var stream = File.OpenRead(file);
            results.Add(OncoTreeLoader.Load(vocabulary.CancerTypes, stream, file));
        }

        foreach (var file in Files(folder, "hgnc", "*.txt"))
        {
            using var reader = new StreamReader(file);
            results.Add(HgncLoader.Load(vocabulary.Biomarkers, reader, file));
        }

        foreach (var file in Files(folder, "drugbank", "*.csv"))
        {
            using var reader = new StreamReader(file);
            results.Add(DrugBankLoader.Load(vocabulary.Drugs, vocabulary.Concepts, reader, file));
        }

        foreach (var file in Files(folder, "mesh", "*Tree*.txt"))
        {
            using var reader = new StreamReader(file);
            results.Add(MeshLoader.Load(vocabulary.Concepts, reader, file));
        }

        return (vocabulary, results);
    }

    private static IEnumerable<string> Files(string folder, string sub, string pattern)
    {
        var path = Path.Combine(folder, sub);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern).Order(StringComparer.Ordinal) : [];
    }
}
