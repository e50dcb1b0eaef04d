namespace TrialAccess.Pipeline.Agents;

/// <summary>What kind of medicine an agent is.</summary>
public enum Modality
{
    SmallMolecule,
    Antibody,
    AntibodyDrugConjugate,
    CellTherapy,
    GeneTherapy,
    Vaccine,
    Peptide,
    Oligonucleotide,
    Radiopharmaceutical,
    Other,
}

/// <summary>
/// A new agent (a candidate medicine): its name and code, modality, molecular target, mechanism of action, the
/// organisation that originated it and its intellectual-property position.
/// </summary>
public sealed class Agent
{
    private Agent()
    {
        Name = "";
        Code = "";
        Target = "";
        Mechanism = "";
        IpPosition = "";
    }

    private Agent(Guid id, string name, string code, Modality modality, string target, string mechanism, Guid originatorId, string ipPosition)
    {
        Id = id;
        Name = name;
        Code = code;
        Modality = modality;
        Target = target;
        Mechanism = mechanism;
        OriginatorId = originatorId;
        IpPosition = ipPosition;
    }

    public Guid Id { get; private set; }

    /// <summary>The agent's name (an INN or a working name).</summary>
    public string Name { get; private set; }

    /// <summary>The originator's compound code (for example <c>CRT-0042</c>).</summary>
    public string Code { get; private set; }

    public Modality Modality { get; private set; }

    /// <summary>The molecular target (a gene symbol or protein, for example <c>KRAS G12C</c>).</summary>
    public string Target { get; private set; }

    public string Mechanism { get; private set; }

    /// <summary>The organisation that discovered the agent.</summary>
    public Guid OriginatorId { get; private set; }

    /// <summary>The patent and licensing position, in words (confidential).</summary>
    public string IpPosition { get; private set; }

    /// <summary>An agent; name, code and target are required.</summary>
    public static Common.Result<Agent> Create(Guid id, string name, string code, Modality modality, string target, string mechanism, Guid originatorId, string ipPosition)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Common.Result<Agent>.Refuse("agent.name", "An agent needs a name.");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return Common.Result<Agent>.Refuse("agent.code", "An agent needs a code.");
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            return Common.Result<Agent>.Refuse("agent.target", "An agent needs a target (write 'unknown' when it is not known).");
        }

        return Common.Result<Agent>.Ok(new Agent(id, name.Trim(), code.Trim(), modality, target.Trim(), mechanism.Trim(), originatorId, ipPosition.Trim()));
    }
}
