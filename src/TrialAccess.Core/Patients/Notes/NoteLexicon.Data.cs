namespace TrialAccess.Patients.Notes;

/// <content>
/// The word lists behind <see cref="NoteLexicon"/>, one entry a line: <c>canonical [| extra] = alias; alias; ...</c>.
/// The canonical name is always an alias too. Matching ignores case, apostrophes and hyphens.
/// </content>
internal sealed partial class NoteLexicon
{
    /// <summary>Diseases other than cancer: comorbidities, infections, organ dysfunction. Symptoms and signs are not listed.</summary>
    private const string ConditionData = """
        hypertension = htn; high blood pressure; essential hypertension; arterial hypertension; hypertensive
        pulmonary hypertension = pulm htn; pulmonary artery hypertension; pulmonary arterial hypertension; pulmonary artery systolic hypertension
        hyperlipidemia = hld; hl; hyperlipemia; dyslipidemia; hyperlipidaemia
        hypercholesterolemia = high cholesterol; hypercholesterolaemia
        diabetes mellitus = diabetes; dm; diabetic; insulin dependent diabetic; insulin dependant diabetic
        type 2 diabetes mellitus = type 2 diabetes; dm2; dmii; t2dm; dm type 2; dm type ii; type ii diabetes; diabetes mellitus type 2; niddm
        type 1 diabetes mellitus = type 1 diabetes; dm1; dmi; t1dm; dm type 1; type i diabetes; diabetes mellitus type 1; iddm
        gestational diabetes mellitus = gestational diabetes; gdm
        diabetic ketoacidosis = dka
        coronary artery disease = cad; coronary heart disease; ischemic heart disease; coronary disease
        myocardial infarction = mi; heart attack; stemi; nstemi; myocardial infarct
        heart failure = chf; congestive heart failure; dchf; diastolic chf; diastolic heart failure; systolic heart failure; hfref; hfpef; cardiac failure
        atrial fibrillation = afib; a fib; af
        ventricular tachycardia = vt; v tach
        aortic stenosis = as; aortic valve stenosis
        mitral regurgitation = mr; mitral valve regurgitation
        mitral valve prolapse = mvp
        atrial septal defect = asd
        bicuspid aortic valve
        peripheral vascular disease = pvd; peripheral arterial disease; pad; peripheral artery disease
        carotid artery disease = carotid stenosis; carotid artery stenosis
        stroke = cva; cerebrovascular accident; ischemic stroke; cerebral infarction; infarct; brain infarct
        transient ischemic attack = tia
        intracranial hemorrhage = ich; intraventricular hemorrhage; intracerebral hemorrhage; subarachnoid hemorrhage
        arteriovenous malformation = avm
        deep vein thrombosis = dvt; deep venous thrombosis
        pulmonary embolism = pe; pulmonary embolus
        syncope
        copd = chronic obstructive pulmonary disease; emphysema; chronic bronchitis
        asthma = bronchial asthma; asthmatic
        obstructive sleep apnea = osa; obstructive sleep apnoea
        sleep apnea = sleep apnoea; sleep apnea syndrome
        obesity hypoventilation syndrome
        pneumonia = pna; aspiration pneumonia; community acquired pneumonia; pneumona
        tuberculosis = tb; pulmonary tuberculosis; mycobacterium tuberculosis infection
        allergic rhinitis = seasonal allergic rhinitis; hay fever
        respiratory failure = acute respiratory failure
        sepsis = septicemia; urosepsis; septic shock; bacteremia; septic
        urinary tract infection = uti; utis; urinary tract infections; cystitis
        pyelonephritis
        clostridioides difficile infection = c diff; cdiff; c difficile; clostridium difficile; c diff infection; c diff infections; clostridium difficile infection; clostridium difficile colitis
        hepatitis c = hcv; hep c; hepatitis c virus; chronic hcv infection; hcv infection; chronic hepatitis c
        hepatitis b = hbv; hep b; hepatitis b virus; chronic hepatitis b; hbv infection
        hepatitis b core antibody positive = hepatitis b core antibody; hepatitis b core antibodies; hepatitis b core ab; anti-hbc; hbcab
        hepatitis b immunity = hepatitis b surface antibody; hepatitis b surface antibodies; hepatitis b surface ab; anti-hbs; hbsab
        hiv infection = hiv; aids; human immunodeficiency virus
        human papillomavirus infection = hpv infection
        cholera = vibrio cholerae infection; vibrio cholerae; v cholerae
        shiga toxin-producing e. coli infection = stec; stec infection; shiga like toxin producing e coli; shiga toxin producing e coli; ehec; enterohemorrhagic e coli
        tinea pedis = athlete's foot
        viral encephalitis = encephalitis
        meningitis
        cirrhosis = liver cirrhosis; hepatic cirrhosis
        hepatic encephalopathy
        esophageal variceal bleeding = variceal bleeding; variceal hemorrhage; variceal haemorrhage; bleeding from esophageal varices; bleeding esophageal varices; variceal bleed
        esophageal varices = varices
        portal hypertensive gastropathy = portal gastropathy
        gastritis
        gastroesophageal reflux disease = gerd; gastric reflux disease; reflux disease; acid reflux
        alcoholic liver disease
        autoimmune hepatitis
        viral hepatitis = chronic viral hepatitis
        metabolic liver disease
        hemochromatosis
        wilson disease = wilsons disease; wilson's disease; hepatolenticular degeneration
        pancreatitis = acute pancreatitis; acute edematous interstitial pancreatitis; edematous pancreatitis; interstitial pancreatitis; chronic pancreatitis; necrotizing pancreatitis
        gallstone pancreatitis = gall stone pancreatitis; biliary pancreatitis
        obstructive pancreatitis
        cholecystitis = acute cholecystitis
        cholelithiasis = gallstones; gallstone; gall stones; gall stone
        appendicitis = acute appendicitis; perforated appendicitis; acute perforated appendicitis
        diverticulitis
        inflammatory bowel disease = ibd; crohn disease; crohns disease; ulcerative colitis
        inguinal hernia
        bowel obstruction = partial bowel obstruction; small bowel obstruction
        chronic kidney disease = ckd; chronic renal failure; chronic renal insufficiency
        end-stage renal disease = esrd; end stage renal disease; end stage kidney disease
        acute kidney injury = aki; acute renal failure; renal failure; kidney failure
        proteinuria
        neurogenic bladder
        benign prostatic hyperplasia = bph; benign prostatic hypertrophy; enlarged prostate; large prostate; prostatic enlargement; prostate enlargement; prostatomegaly; benign prostatic enlargement; bpe
        urethral stricture = urethral strictures
        urinary retention = acute urinary retention
        nephrolithiasis = kidney stone; kidney stones; renal stone; ureteral stone
        hypothyroidism = hypothyroid
        hyperthyroidism = hyperthyroid; graves disease
        hashimoto thyroiditis = hashimotos thyroiditis; hashimoto's thyroiditis; hashimotos disease; hashimoto disease; autoimmune thyroiditis
        thyroid nodule = thyroid nodules
        acromegaly
        polycystic ovary syndrome = pcos; pco; polycystic ovarian syndrome; polycystic ovaries
        infertility
        obesity = obese; morbid obesity; morbidly obese
        turner syndrome = turners syndrome; turner's syndrome
        marfan syndrome = marfans syndrome; marfan's syndrome; marfans
        systemic mastocytosis = mastocytosis
        amyloidosis = systemic amyloidosis
        sickle cell disease = sickle cell anemia; scd
        sickle cell crisis = sickle cell crises; vaso occlusive crisis
        anemia = anaemia; microcytic anemia; iron deficiency anemia
        cryoglobulinemia
        systemic lupus erythematosus = sle; lupus
        rheumatoid arthritis
        arthritis = osteoarthritis
        granulomatosis with polyangiitis = wegeners granulomatosis; wegener's granulomatosis; wegener granulomatosis; gpa
        vasculitis
        transverse myelitis
        epilepsy = seizure disorder; focal epilepsy
        migraine = migraines; migraine headache; migraine headaches
        parkinson disease = parkinsons disease; parkinson's disease; parkinsons; parkinsonism
        multiple sclerosis = ms; relapsing remitting multiple sclerosis; rrms
        myasthenia gravis = mg
        bell palsy = bells palsy; bell's palsy
        dementia = alzheimer disease; alzheimers disease
        intellectual disability = mental retardation; mentally retarded; severe intellectual disability
        depression = major depressive disorder; mdd; major depression; depressive disorder
        schizophrenia
        bipolar disorder
        anxiety disorder = generalized anxiety disorder
        neonatal jaundice = physiologic jaundice
        paget disease of bone = pagets disease of bone; paget's disease of bone; pagets disease; paget disease
        osteoporosis
        scoliosis = adolescent idiopathic scoliosis
        cataract = cataracts
        retinopathy = diabetic retinopathy
        peripheral neuropathy = neuropathy; diabetic neuropathy
        cryptorchidism = undescended testis; undescended testicle; undescended testes
        acne
        hirsutism
        psoriasis
        eczema = atopic dermatitis
        colon polyps = colon polyp; colonic polyps
        pericardial effusion
        pleural effusion
        hemolytic uremic syndrome = hus
        vitamin d deficiency
        aortic regurgitation = aortic insufficiency; ai
        cardiomyopathy = dilated cardiomyopathy; ischemic cardiomyopathy; hypertrophic cardiomyopathy
        choledocholithiasis = cbd stones; cbd stone; common bile duct stones; common bile duct stone
        thrombocytopenia
        neutropenia = febrile neutropenia
        microangiopathic hemolytic anemia = maha
        hemolytic anemia = autoimmune hemolytic anemia
        hypercalcemia = hypercalcaemia
        hyponatremia
        hypokalemia
        sinusitis = sinus infection; sinus infxn
        preterm birth = premature birth; prematurity; preterm infant; premature infant
        gastrointestinal bleeding = gi bleed; gi bleeding; ugib; lgib; upper gi bleed; upper gastrointestinal bleeding; lower gi bleed
        fungal esophagitis = candida esophagitis; esophagitis
        anoxic brain injury = hypoxic brain injury; hypoxic ischemic encephalopathy
        sinus arrest = sick sinus syndrome
        cerebrospinal fluid leak = csf leak
        cervical intraepithelial neoplasia = cin; cervical squamous intraepithelial lesion; squamous intraepithelial lesion; cervical dysplasia; hsil; lsil
        hepatitis = chronic hepatitis
        heart block = av block; complete heart block
        bradycardia = sinus bradycardia
        osteomyelitis
        cellulitis
        endocarditis
        covid-19 = covid; covid 19; sars cov 2 infection
        influenza = flu
        herpes zoster = shingles
        interstitial lung disease = ild; pulmonary fibrosis; pneumonitis
        peptic ulcer disease = pud; peptic ulcer; gastric ulcer; duodenal ulcer
        fracture = fractures; elbow fracture; hip fracture
        allergy = allergies; drug allergy; drug allergies; food allergy; food allergies; allergic reaction
        alcohol use disorder = alcoholism; alcohol abuse; alcohol dependence
        """;

    /// <summary>
    /// Cancers and other neoplasms: <c>canonical | OncoTree code | histology = aliases</c>. Solid tumours are named by
    /// site ("breast cancer") whatever the histology; the histology word is kept separately.
    /// </summary>
    private const string CancerData = """
        breast cancer | BRCA = breast carcinoma; breast ca; carcinoma of the breast; cancer of the breast; breast tumor; breast malignancy
        breast cancer | IDC | ductal carcinoma = invasive ductal carcinoma; infiltrating ductal carcinoma; ductal breast carcinoma; invasive ductal breast carcinoma; infiltrating ductal breast carcinoma; idc
        breast cancer | ILC | lobular carcinoma = invasive lobular carcinoma; lobular breast carcinoma
        breast cancer | BRCA | triple negative = triple negative breast cancer; tnbc
        breast cancer | DCIS | ductal carcinoma in situ = ductal carcinoma in situ; dcis; ductal carcinoma in situ of the breast
        lung cancer | NSCLC = non small cell lung cancer; nsclc; non small cell lung carcinoma; non-small-cell lung cancer
        lung cancer | LUAD | adenocarcinoma = lung adenocarcinoma; adenocarcinoma of the lung; pulmonary adenocarcinoma
        lung cancer | LUSC | squamous cell carcinoma = squamous cell lung cancer; lung squamous cell carcinoma; squamous cell carcinoma of the lung
        lung cancer | SCLC | small cell carcinoma = small cell lung cancer; sclc; small cell lung carcinoma
        lung cancer = lung carcinoma; lung ca; pulmonary carcinoma; bronchogenic carcinoma
        thyroid cancer = thyroid carcinoma; thyroid ca
        thyroid cancer | THPA | papillary carcinoma = papillary thyroid cancer; papillary thyroid carcinoma; ptc
        pancreatic cancer = pancreatic carcinoma; pancreas cancer; pancreatic ca; carcinoma of the pancreas
        pancreatic cancer | PAAD | adenocarcinoma = pancreatic adenocarcinoma; pancreatic ductal adenocarcinoma; pdac
        colorectal cancer = crc; colorectal carcinoma; colorectal adenocarcinoma
        colon cancer | COAD | adenocarcinoma = colon adenocarcinoma
        colon cancer = colon carcinoma; colon ca; cancer of the colon
        rectal cancer | READ | adenocarcinoma = rectal adenocarcinoma
        rectal cancer = rectal carcinoma; rectal ca
        prostate cancer = prostate carcinoma; prostate ca; cap
        prostate cancer | PRAD | adenocarcinoma = prostate adenocarcinoma; prostatic adenocarcinoma
        cervical cancer = cervical carcinoma; carcinoma of the cervix; cervix cancer; cervical ca
        ovarian cancer = ovarian carcinoma; ovarian ca
        ovarian cancer | HGSOC | high-grade serous carcinoma = high grade serous ovarian carcinoma; high grade serous ovarian cancer; high grade serous carcinoma of the ovary
        endometrial cancer = endometrial carcinoma; uterine cancer
        gastric cancer = stomach cancer; gastric carcinoma
        gastric cancer | STAD | adenocarcinoma = gastric adenocarcinoma; adenocarcinoma of the stomach; stomach adenocarcinoma
        cholangiocarcinoma | CHOL = bile duct cancer; bile duct carcinoma
        cholangiocarcinoma | IHCH = intrahepatic cholangiocarcinoma
        cholangiocarcinoma | EHCH = extrahepatic cholangiocarcinoma
        esophageal cancer = esophageal carcinoma; oesophageal cancer
        bladder cancer = urothelial carcinoma; bladder carcinoma
        kidney cancer | RCC = renal cell carcinoma; rcc; renal cancer
        liver cancer | HCC | hepatocellular carcinoma = hepatocellular carcinoma; hcc; hepatoma
        head and neck cancer = head and neck squamous cell carcinoma; hnscc
        head and neck cancer | HNSC | squamous cell carcinoma = squamous cell carcinoma of the tonsil; tonsillar squamous cell carcinoma; tonsil cancer; tonsillar cancer; oropharyngeal squamous cell carcinoma; oropharyngeal cancer; oropharyngeal carcinoma; squamous cell carcinoma of the oropharynx; squamous cell carcinoma of the larynx; laryngeal cancer; squamous cell carcinoma of the oral cavity; oral cavity cancer
        melanoma | MEL = malignant melanoma; cutaneous melanoma
        glioblastoma | GB = gbm; glioblastoma multiforme
        anaplastic astrocytoma | AASTR = anaplastic astrocytomas
        astrocytoma = astrocytomas
        glioma = gliomas
        mesothelioma
        sarcoma = soft tissue sarcoma
        leiomyosarcoma | LMS = leiomyosarcomas; uterine leiomyosarcoma
        neuroblastoma | NBL = neuroblastomas
        multiple myeloma | PCM = myeloma; plasma cell myeloma
        chronic lymphocytic leukemia | CLLSLL = cll; chronic lymphocytic leukaemia; small lymphocytic lymphoma
        acute myeloid leukemia | AML = aml; acute myeloid leukaemia
        acute lymphoblastic leukemia | LBLL = all; acute lymphoblastic leukaemia; acute lymphocytic leukemia; acute lymphocytic leukaemia
        chronic myeloid leukemia | CML = cml; chronic myelogenous leukemia
        burkitt lymphoma = burkitts lymphoma; burkitt's lymphoma
        diffuse large b cell lymphoma | DLBCLNOS = dlbcl; diffuse large b-cell lymphoma
        marginal zone lymphoma = non hodgkins marginal zone lymphoma; marginal zone b cell lymphoma
        malt lymphoma | EMALT = extranodal marginal zone lymphoma; mucosa-associated lymphoid tissue lymphoma; gastric malt lymphoma
        hodgkin lymphoma | HL = hodgkins lymphoma; hodgkin's lymphoma; hodgkin disease
        hodgkin lymphoma | CHL = classical hodgkin lymphoma; classic hodgkin lymphoma; classical hodgkins lymphoma
        non-hodgkin lymphoma = non hodgkins lymphoma; nhl; non-hodgkin's lymphoma
        lymphoma = primary cardiac lymphoma
        leukemia = leukaemia
        pituitary adenoma = pituitary macroadenoma; macroadenoma; pituitary tumor; pituitary tumour; residual pituitary tumor
        cancer = malignancy; carcinoma; neoplasm; tumor; tumour
        """;

    /// <summary>Drugs, regimens and drug classes: <c>canonical | class, class = aliases</c> (brand names and abbreviations as aliases).</summary>
    private const string DrugData = """
        carboplatin | platinum, chemotherapy = paraplatin
        cisplatin | platinum, chemotherapy = platinol
        oxaliplatin | platinum, chemotherapy
        pemetrexed | antifolate, chemotherapy = alimta
        paclitaxel | taxane, chemotherapy = taxol
        nab-paclitaxel | taxane, chemotherapy = abraxane; nab paclitaxel
        docetaxel | taxane, chemotherapy = taxotere
        gemcitabine | antimetabolite, chemotherapy = gemzar
        fluorouracil | antimetabolite, chemotherapy = 5-fu; 5fu; 5 fu
        capecitabine | antimetabolite, chemotherapy = xeloda
        irinotecan | topoisomerase inhibitor, chemotherapy = cpt-11; cpt 11; camptosar
        etoposide | topoisomerase inhibitor, chemotherapy = vp-16
        doxorubicin | anthracycline, chemotherapy = adriamycin
        cyclophosphamide | alkylating agent, chemotherapy = cytoxan; cyclophosphamides
        temozolomide | alkylating agent, chemotherapy = temodar; tmz
        melphalan | alkylating agent, chemotherapy
        bendamustine | alkylating agent, chemotherapy
        fludarabine | antimetabolite, chemotherapy
        vincristine | vinca alkaloid, chemotherapy
        vinorelbine | vinca alkaloid, chemotherapy
        methotrexate | antifolate = mtx
        chemotherapy | chemotherapy = chemo; systemic chemotherapy
        osimertinib | EGFR TKI = tagrisso
        erlotinib | EGFR TKI = tarceva
        gefitinib | EGFR TKI = iressa
        afatinib | EGFR TKI
        alectinib | ALK inhibitor
        crizotinib | ALK inhibitor
        lorlatinib | ALK inhibitor
        imatinib | BCR-ABL TKI = gleevec
        sotorasib | KRAS G12C inhibitor
        trastuzumab | anti-HER2 = herceptin
        pertuzumab | anti-HER2 = perjeta
        bevacizumab | anti-VEGF = avastin
        cetuximab | anti-EGFR = erbitux
        rituximab | anti-CD20 = rituxan
        alemtuzumab | anti-CD52 = campath
        pembrolizumab | anti-PD-1, immunotherapy = keytruda
        nivolumab | anti-PD-1, immunotherapy = opdivo
        atezolizumab | anti-PD-L1, immunotherapy = tecentriq
        durvalumab | anti-PD-L1, immunotherapy = imfinzi
        ipilimumab | anti-CTLA-4, immunotherapy = yervoy
        bortezomib | proteasome inhibitor = velcade
        thalidomide | immunomodulator = thalomid
        lenalidomide | immunomodulator = revlimid
        tamoxifen | hormonal therapy
        letrozole | aromatase inhibitor, hormonal therapy = femara
        anastrozole | aromatase inhibitor, hormonal therapy = arimidex
        octreotide | somatostatin analogue = octreotide lar; sandostatin
        fcr | chemotherapy, chemoimmunotherapy, anti-CD20, purine analog, alkylating agent, fludarabine, cyclophosphamide, rituximab = fludarabine cyclophosphamide rituximab
        pcr | chemotherapy, chemoimmunotherapy, anti-CD20, purine analog, alkylating agent, pentostatin, cyclophosphamide, rituximab = pentostatin cyclophosphamide rituximab
        r-chop | chemotherapy, chemoimmunotherapy, anti-CD20, anthracycline, alkylating agent, vinca alkaloid, rituximab, cyclophosphamide, doxorubicin, vincristine, prednisone = rchop; r chop
        r-cvp | chemotherapy, chemoimmunotherapy, anti-CD20, alkylating agent, vinca alkaloid, rituximab, cyclophosphamide, vincristine, prednisone = rcvp; r cvp
        palbociclib | CDK4/6 inhibitor = ibrance
        ribociclib | CDK4/6 inhibitor = kisqali
        abemaciclib | CDK4/6 inhibitor = verzenio
        fulvestrant | hormonal therapy = faslodex
        exemestane | aromatase inhibitor, hormonal therapy = aromasin
        enzalutamide | antiandrogen, hormonal therapy = xtandi
        abiraterone | antiandrogen, hormonal therapy = zytiga
        leuprolide | GnRH agonist, hormonal therapy = lupron
        olaparib | PARP inhibitor = lynparza
        niraparib | PARP inhibitor = zejula
        trastuzumab deruxtecan | anti-HER2, antibody-drug conjugate = t-dxd; enhertu
        trastuzumab emtansine | anti-HER2, antibody-drug conjugate = t-dm1; kadcyla
        sacituzumab govitecan | antibody-drug conjugate = trodelvy
        lapatinib | HER2 TKI = tykerb
        tucatinib | HER2 TKI = tukysa
        dabrafenib | BRAF inhibitor = tafinlar
        trametinib | MEK inhibitor = mekinist
        vemurafenib | BRAF inhibitor = zelboraf
        encorafenib | BRAF inhibitor = braftovi
        adagrasib | KRAS G12C inhibitor = krazati
        selpercatinib | RET inhibitor = retevmo
        capmatinib | MET inhibitor = tabrecta
        tepotinib | MET inhibitor
        entrectinib | ROS1 inhibitor, NTRK inhibitor = rozlytrek
        larotrectinib | NTRK inhibitor = vitrakvi
        brigatinib | ALK inhibitor = alunbrig
        amivantamab | anti-EGFR = rybrevant
        sunitinib | VEGFR TKI = sutent
        pazopanib | VEGFR TKI = votrient
        cabozantinib | VEGFR TKI = cabometyx
        lenvatinib | VEGFR TKI = lenvima
        sorafenib | VEGFR TKI = nexavar
        regorafenib | VEGFR TKI = stivarga
        axitinib | VEGFR TKI = inlyta
        ramucirumab | anti-VEGFR2 = cyramza
        panitumumab | anti-EGFR = vectibix
        cemiplimab | anti-PD-1, immunotherapy = libtayo
        dostarlimab | anti-PD-1, immunotherapy = jemperli
        tremelimumab | anti-CTLA-4, immunotherapy
        ibrutinib | BTK inhibitor = imbruvica
        acalabrutinib | BTK inhibitor = calquence
        venetoclax | BCL2 inhibitor = venclexta
        daratumumab | anti-CD38 = darzalex
        carfilzomib | proteasome inhibitor = kyprolis
        pomalidomide | immunomodulator = pomalyst
        azacitidine | hypomethylating agent = vidaza
        decitabine | hypomethylating agent = dacogen
        cytarabine | antimetabolite, chemotherapy = ara-c
        eribulin | microtubule inhibitor, chemotherapy = halaven
        topotecan | topoisomerase inhibitor, chemotherapy
        ifosfamide | alkylating agent, chemotherapy
        epirubicin | anthracycline, chemotherapy
        mitomycin | chemotherapy
        bcg | intravesical therapy = bacillus calmette-guerin; bacillus calmette guerin; intravesical bcg
        bleomycin | chemotherapy
        carmustine | alkylating agent, chemotherapy = bcnu
        lomustine | alkylating agent, chemotherapy = ccnu
        folfirinox | chemotherapy, fluoropyrimidine, platinum, topoisomerase inhibitor, fluorouracil, leucovorin, irinotecan, oxaliplatin
        capox | chemotherapy, fluoropyrimidine, platinum, capecitabine, oxaliplatin = xelox
        ac-t | chemotherapy, anthracycline, alkylating agent, taxane, doxorubicin, cyclophosphamide, paclitaxel = ac t; act
        car-t cell therapy | cell therapy = car t; car-t; car t cell therapy; axicabtagene ciloleucel; tisagenlecleucel
        folfox | chemotherapy, fluoropyrimidine, platinum, fluorouracil, leucovorin, oxaliplatin
        folfiri | chemotherapy, fluoropyrimidine, topoisomerase inhibitor, fluorouracil, leucovorin, irinotecan
        vad | chemotherapy, vinca alkaloid, anthracycline, vincristine, doxorubicin, dexamethasone = vad regimen
        interferon | interferon = ifn; interferon alfa; peginterferon
        ribavirin | antiviral = rbv
        direct-acting antiviral | antiviral = direct antiviral drugs; direct acting antivirals; daa; direct antiviral
        isoniazid | antituberculosis
        rifampicin | antituberculosis = rifampin
        ethambutol | antituberculosis
        streptomycin | antituberculosis
        vancomycin | antibiotic = vanco; vanc; vancomycin po
        metronidazole | antibiotic = flagyl
        ceftriaxone | antibiotic = rocephin
        piperacillin-tazobactam | antibiotic = zosyn
        meropenem | antibiotic
        trimethoprim-sulfamethoxazole | antibiotic = bactrim; ss bactrim; tmp smx
        antibiotics | antibiotic = antibiotic; antibx; intravenous antibiotics; iv antibiotics
        corticosteroid | corticosteroid = corticosteroids; steroids; steroid; oral corticosteroids; high dose steroids; high-dose steroids; glucocorticoids
        inhaled corticosteroid | corticosteroid = inhaled corticosteroids; ics; corticosteroid inhaler
        prednisone | corticosteroid = prednisone taper
        dexamethasone | corticosteroid = decadron
        fluticasone-salmeterol | corticosteroid, bronchodilator = fluticasone salmeterol; advair
        fluticasone | corticosteroid
        salmeterol | bronchodilator
        ipratropium-albuterol | bronchodilator = duo-neb; duoneb; duo neb
        albuterol | bronchodilator = salbutamol
        zafirlukast | leukotriene antagonist
        montelukast | leukotriene antagonist = singulair
        insulin | insulin = insulin glargine; insulin aspart; lantus; novolog
        metformin | antidiabetic
        levothyroxine | thyroid hormone = synthroid
        furosemide | diuretic = lasix
        hydrochlorothiazide | diuretic = hctz; htcz
        beta blocker | beta blocker = bb; beta blockers; metoprolol; atenolol; carvedilol
        atorvastatin | statin = lipitor
        statin | statin = statins; statin therapy; high dose statin therapy
        aspirin | antiplatelet = asa
        clopidogrel | antiplatelet = plavix
        warfarin | anticoagulant = coumadin
        heparin | anticoagulant
        alteplase | thrombolytic = t-pa; tpa; tissue plasminogen activator; recombinant tissue plasminogen activator
        amiodarone | antiarrhythmic
        sildenafil | pde5 inhibitor = sildenifil; viagra; revatio
        lactulose | laxative
        phenytoin | antiepileptic = dilantin
        phenobarbital | antiepileptic
        diazepam | benzodiazepine = valium
        levetiracetam | antiepileptic = keppra
        pyridostigmine | cholinesterase inhibitor = mestinon
        levodopa | antiparkinsonian = carbidopa-levodopa; sinemet
        trihexyphenidyl | anticholinergic
        diphenhydramine | antihistamine = benadryl; diphenydramine
        histamine receptor blocker | antihistamine = histamine receptor blockers; h2 blocker; antihistamines
        proton pump inhibitor | proton pump inhibitor = ppi; omeprazole; pantoprazole
        oxybutynin | anticholinergic = ditropan
        tolterodine | anticholinergic = detrol
        tamsulosin | alpha blocker = flomax
        oxycodone | opioid
        ace inhibitor | antihypertensive = ace inhibitors; acei; lisinopril; enalapril; ramipril
        angiotensin receptor blocker | antihypertensive = arb; arbs; losartan; valsartan
        antihypertensive | antihypertensive = antihypertensives; anti-hypertensive drugs; antihypertensive drugs; anti hypertensive drugs; antihypertensive medication
        antidepressant | antidepressant = antidepressants; anti-depressants; anti depressants; ssri; ssris; sertraline; fluoxetine; citalopram; escitalopram
        immunosuppressant | immunosuppressant = immunosuppressants; immunosuppressive therapy; tacrolimus; mycophenolate; azathioprine
        acetylcholinesterase inhibitor | cholinesterase inhibitor = acetylcholinesterase inhibitors; cholinesterase inhibitor; cholinesterase inhibitors
        antiobesity agent | antiobesity = antiobesity agents; anti obesity agents; anti-obesity agents; orlistat
        appetite suppressant | antiobesity = appetite suppressants
        iron | supplement = iron supplement; iron supplements; ferrous sulfate
        lipid-lowering medication | lipid lowering = lipid lowering medications; lipid-lowering medications; lipid lowering drugs; lipid-lowering drugs; lipid lowering therapy
        nsaid | analgesic = nsaids; ibuprofen; naproxen; non steroidal anti inflammatory drugs
        pain medication | analgesic = pain medications; pain modulators
        pamidronate | bisphosphonate
        zoledronic acid | bisphosphonate = zoledronate; zometa
        bisphosphonate | bisphosphonate = bisphosphonates
        calcitonin | calcitonin
        norepinephrine | vasopressor = levophed
        growth hormone | hormone = gh therapy; somatropin; gh
        estrogen | hormone = estrogen therapy; estrogens
        vitamin d | supplement = vit d; vit d3; vitamin d3; cholecalciferol
        multivitamin | supplement = multivitamins; prenatal vitamins
        calcium | supplement = calcium supplement
        probiotics | supplement = probiotic
        """;

    /// <summary>
    /// Oncologic operations and radiotherapy, and the operations of general medicine that notes name by abbreviation
    /// (which the eligibility vocabulary's reading of notes skips as ambiguous): <c>canonical | surgery or radiotherapy or procedure = aliases</c>.
    /// </summary>
    private const string ProcedureData = """
        radiotherapy | radiotherapy = radiation; radiation therapy; xrt; rt; field radiation; external beam radiation; chemoradiation; radiosurgery; srs; sbrt
        radioactive iodine ablation | radiotherapy = rai ablation; rai; radioactive iodine
        lumpectomy | surgery = partial mastectomy; breast conserving surgery; breast-conserving surgery; wide local excision
        axillary dissection | surgery = axillary node clearance; axillary clearance; axillary lymph node dissection; axillary node dissection
        nephrectomy | surgery = radical nephrectomy; partial nephrectomy; nephroureterectomy
        cystectomy | surgery = radical cystectomy; cystoprostatectomy; radical cystoprostatectomy
        gastrectomy | surgery = total gastrectomy; subtotal gastrectomy; partial gastrectomy
        esophagectomy | surgery = oesophagectomy
        orchiectomy | surgery = orchidectomy; radical orchiectomy; radical orchidectomy; inguinal orchiectomy
        hepatectomy | surgery = partial hepatectomy; liver resection; hepatic resection; hepatic metastasectomy
        anterior resection | surgery = low anterior resection; abdominoperineal resection
        laryngectomy | surgery = total laryngectomy; laryngopharyngectomy; total laryngopharyngectomy
        pancreatectomy | surgery = distal pancreatectomy; total pancreatectomy
        mastectomy | surgery
        lobectomy | surgery
        pneumonectomy | surgery
        thyroidectomy | surgery
        hysterectomy | surgery = radical hysterectomy; total abdominal hysterectomy
        prostatectomy | surgery = radical prostatectomy; suprapubic prostatectomy
        colectomy | surgery = hemicolectomy
        whipple procedure | surgery = pancreaticoduodenectomy; whipple
        tumor resection | surgery = neck mass resection; tumour resection; resection surgery; primary resection surgery; transsphenoidal surgery; debulking surgery; cytoreductive surgery; primary debulking surgery; interval debulking surgery; cytoreduction
        conization | surgery = cone biopsy; leep; loop electrosurgical excision procedure
        coronary artery bypass graft | surgery = cabg; coronary artery bypass grafting; coronary bypass surgery; cabg x2; cabg x3; cabg x4; cabgx3
        percutaneous coronary intervention | procedure = pci; ptca; percutaneous transluminal coronary angioplasty; coronary angioplasty; coronary stent placement; coronary stenting
        cesarean section | surgery = c-section; c section; caesarean section; cesarean delivery; caesarean delivery
        transurethral resection of the prostate | surgery = turp
        endoscopic retrograde cholangiopancreatography | procedure = ercp
        allogeneic stem cell transplant | procedure = allogeneic transplant; allogeneic stem cell transplantation; allogeneic bone marrow transplant; allogeneic hematopoietic cell transplant; allo-sct; allo-hsct; allo transplant
        autologous stem cell transplant | procedure = autologous transplant; autologous stem cell transplantation; autologous bone marrow transplant; asct; auto-sct; auto transplant
        stem cell transplant | procedure = bone marrow transplant; stem cell transplantation; hematopoietic stem cell transplant; sct; hsct; bmt
        """;

    /// <summary>Laboratory analytes: <c>canonical | default unit = aliases</c>.</summary>
    private const string LabData = """
        hemoglobin | g/dL = hgb; hb; haemoglobin; hemoglobin level
        hematocrit | % = hct; haematocrit
        white blood cells | 10^9/L = wbc; wbc count; white count; white blood cell count; white blood cells; leukocyte count; leukocytosis; leucocytosis
        neutrophils | 10^9/L = anc; absolute neutrophil count; neutrophil; neutrophil count
        platelets | 10^9/L = plt; platelet; platelet count; plts
        mcv | fL = mean corpuscular volume
        creatinine | mg/dL = cr; scr; serum creatinine; creat
        creatinine clearance | mL/min = crcl
        egfr | mL/min/1.73m2 = estimated gfr; gfr
        urea nitrogen | mg/dL = bun; blood urea nitrogen
        urea | mmol/L = serum urea
        total bilirubin | mg/dL = bilirubin; bili; tbili; t bili; serum total bilirubin; bill total; total bili
        direct bilirubin | mg/dL = conjugated bilirubin; d bili
        ast | U/L = sgot; aspartate aminotransferase; aspartate transaminase
        alt | U/L = sgpt; alanine aminotransferase; alanine transaminase
        alkaline phosphatase | U/L = alk phos; alk p; alp; serum alkaline phosphatase
        ggt | U/L = gamma glutamyl transferase; gamma-glutamyl transferase
        ldh | U/L = lactate dehydrogenase
        amylase | U/L
        lipase | U/L
        albumin | g/dL = serum albumin
        sodium | mmol/L = na
        potassium | mmol/L = k
        chloride | mmol/L = cl
        bicarbonate | mmol/L = hco3; bicarb; co2
        anion gap | mmol/L
        calcium | mg/dL = ca; serum calcium
        phosphorus | mg/dL = phosphate
        glucose | mg/dL = glc; blood glucose; blood sugar; serum glucose
        fasting glucose | mg/dL = fbs; fasting blood sugar; fasting blood glucose; fpg
        hba1c | % = a1c; hemoglobin a1c; glycated hemoglobin
        tsh | mIU/L = thyroid stimulating hormone
        free t4 | ng/dL = ft4; free thyroxine
        anti-tpo | IU/mL = anti tpo; anti-tpo antibodies; thyroid peroxidase antibodies
        crp | mg/L = c reactive protein; c-reactive protein
        esr | mm/h = erythrocyte sedimentation rate; sed rate
        inr | = international normalized ratio
        pt | s = prothrombin time
        ptt | s = partial thromboplastin time; aptt
        psa | ng/mL = prostate specific antigen; prostate-specific antigen
        cea | ng/mL = carcinoembryonic antigen
        ca-125 | U/mL = ca 125; ca125
        ca 19-9 | U/mL = ca 19 9; ca19 9; ca19-9; ca 19.9; carbohydrate antigen 19-9
        afp | ng/mL = alpha fetoprotein; alpha-fetoprotein
        total cholesterol | mg/dL = cholesterol
        ldl cholesterol | mg/dL = ldl
        hdl cholesterol | mg/dL = hdl
        triglycerides | mg/dL = tg; triglyceride
        ferritin | ng/mL = serum ferritin
        vitamin d | ng/mL = vit d; 25-hydroxyvitamin d; 25 oh vitamin d
        pth | pg/mL = parathyroid hormone
        igf-1 | ng/mL = igf 1; igf1; insulin like growth factor 1
        growth hormone | ng/mL = gh; random gh
        testosterone | ng/dL
        ceruloplasmin | g/L = caeruloplasmin
        tryptase | ng/mL = serum tryptase
        mpo-anca | EU = mpo anca; anti mpo
        urine copper | ug/24h = 24 hour urine copper; 24 hour urine copper excretion; urine copper excretion; urinary copper
        liver copper | ug/g = liver copper concentration; hepatic copper
        beta-hydroxybutyrate | mmol/L = beta hydroxybutyrate
        troponin | ng/mL
        """;

    /// <summary>Sites of metastasis: <c>canonical = aliases</c>.</summary>
    private const string SiteData = """
        brain = cerebral; cns; intracranial; brain parenchyma
        leptomeninges = leptomeningeal
        liver = hepatic
        lung = pulmonary; lungs
        bone = bones; osseous; skeletal; spine; spinal; vertebra; vertebrae; vertebral; ribs; sacrum; skull; sternum
        lymph node = lymph nodes; nodal; node; nodes
        adrenal gland = adrenal; adrenals; adrenal glands
        peritoneum = peritoneal
        pleura = pleural
        skin = cutaneous
        """;

    /// <summary>Tumour markers and genes: <c>canonical = aliases</c> (canonical is the HGNC symbol or the usual marker name).</summary>
    private const string MarkerData = """
        EGFR = egfr
        ALK = alk
        ROS1 = ros1
        KRAS = kras
        NRAS = nras
        BRAF = braf
        ERBB2 = her2; her2/neu; her 2; erbb2; her-2
        ESR1 = er; estrogen receptor; oestrogen receptor
        PGR = pr; progesterone receptor; pgr
        PD-L1 = pd-l1; pdl1; pd l1
        MSI = msi; msi-h; microsatellite instability
        TMB = tmb; tumor mutational burden
        BRCA1 = brca1
        BRCA2 = brca2
        MET = met
        RET = ret
        NTRK = ntrk
        PIK3CA = pik3ca
        IDH1 = idh1
        IDH2 = idh2
        FLT3 = flt3
        NPM1 = npm1
        KIT = kit; c-kit; cd117
        MYC = myc; c-myc
        HPV = hpv
        MS4A1 = cd20
        TNFRSF8 = cd30
        CD19 = cd19
        CD22 = cd22
        CD33 = cd33
        CD38 = cd38
        TP53 = tp53
        MYD88 = myd88
        JAK2 = jak2
        CALR = calr
        MPL = mpl
        BCR-ABL1 = bcr-abl; bcr-abl1; bcr::abl1
        """;
}
