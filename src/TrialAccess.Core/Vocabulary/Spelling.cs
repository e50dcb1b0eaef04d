namespace TrialAccess.Vocabulary;

/// <summary>
/// British medical spellings read as their American forms, word by word, so that one vocabulary entry serves both:
/// "polycythaemia", "oesophageal", "tumour", "paediatric", "oestrogen", "diarrhoea" are read as "polycythemia",
/// "esophageal", "tumor", "pediatric", "estrogen", "diarrhea". Rules are on word parts that only these spellings have.
/// </summary>
public static class Spelling
{
    // (British part, American part, where): 'S' at the word's start, 'A' anywhere, 'E' at the end.
    private static readonly (string British, string American, char At)[] Rules =
    [
        ("haem", "hem", 'A'),          // haematology, haemorrhage, haemoglobin, polyhaemia
        ("aemi", "emi", 'A'),          // anaemia, leukaemia, polycythaemia, septicaemia, ischaemic, glycaemic
        ("paed", "ped", 'A'),          // paediatric, orthopaedic
        ("gynaec", "gynec", 'A'),      // gynaecology, gynaecological
        ("anaesth", "anesth", 'A'),    // anaesthesia, anaesthetic
        ("aetiolog", "etiolog", 'S'),  // aetiology
        ("faec", "fec", 'S'),          // faecal, faeces
        ("caec", "cec", 'S'),          // caecum, caecal
        ("oesoph", "esoph", 'A'),      // oesophageal, gastro-oesophageal
        ("oedem", "edem", 'A'),        // oedema, lymphoedema
        ("oestr", "estr", 'S'),        // oestrogen, oestradiol
        ("rrhoea", "rrhea", 'A'),      // diarrhoea, amenorrhoea, gonorrhoea
        ("pnoea", "pnea", 'A'),        // dyspnoea, apnoea, tachypnoea
        ("coeliac", "celiac", 'S'),
        ("foet", "fet", 'S'),          // foetal, foetus
        ("tumour", "tumor", 'S'),      // tumour, tumours, tumourous
    ];

    /// <summary>The American spelling of a lower-case word (the word itself when no rule applies).</summary>
    public static string American(string word)
    {
        if (word.Length < 4 || !MayBeBritish(word))
        {
            return word;
        }

        var result = word;
        foreach (var (british, american, at) in Rules)
        {
            var index = result.IndexOf(british, StringComparison.Ordinal);
            if (index < 0 || (at == 'S' && index != 0))
            {
                continue;
            }

            result = string.Concat(result.AsSpan(0, index), american, result.AsSpan(index + british.Length));
        }

        return result;
    }

    /// <summary>Every rule's British part holds "ae", "oe" or "our": most words are passed over in one pass of their letters.</summary>
    private static bool MayBeBritish(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if ((c == 'e' && word[i - 1] is 'a' or 'o') || (c == 'r' && i >= 2 && word[i - 1] == 'u' && word[i - 2] == 'o'))
            {
                return true;
            }
        }

        return false;
    }
}
