<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccessControl</name>
    <message>
        <location filename="../../src/core/services/accesscontrol.cpp" line="+13" />
        <source>change the school's settings</source>
        <translation>modifier les paramètres de l'établissement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>manage the user accounts</source>
        <translation>gérer les comptes utilisateurs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>read the log of changes</source>
        <translation>consulter le journal des modifications</translation>
    </message>
    <message>
        <location line="+2" />
        <source>copy the database</source>
        <translation>copier la base de données</translation>
    </message>
    <message>
        <location line="+2" />
        <source>restore a backup of the database</source>
        <translation>restaurer une sauvegarde de la base</translation>
    </message>
    <message>
        <location line="+2" />
        <source>see the trainees</source>
        <translation>voir les jeunes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>change the trainees' records</source>
        <translation>modifier les dossiers des jeunes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>see the follow-up notes and the guardians' details</source>
        <translation>voir les notes de suivi et les coordonnées des responsables légaux</translation>
    </message>
    <message>
        <location line="+2" />
        <source>record attendance</source>
        <translation>saisir les présences</translation>
    </message>
    <message>
        <location line="+2" />
        <source>write in the production log</source>
        <translation>écrire dans le journal d'atelier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>see customers and invoices</source>
        <translation>voir les clients et les factures</translation>
    </message>
    <message>
        <location line="+2" />
        <source>change customers, quotes and invoices</source>
        <translation>modifier les clients, devis et factures</translation>
    </message>
    <message>
        <location line="+2" />
        <source>see the funding and the budget</source>
        <translation>voir les financements et le budget</translation>
    </message>
    <message>
        <location line="+2" />
        <source>change the funding and the budget</source>
        <translation>modifier les financements et le budget</translation>
    </message>
    <message>
        <location line="+2" />
        <source>produce the reports</source>
        <translation>produire les rapports</translation>
    </message>
    <message>
        <location line="+2" />
        <source>write the reports' texts</source>
        <translation>rédiger les textes des rapports</translation>
    </message>
    <message>
        <location line="+2" />
        <source>change the skill frameworks</source>
        <translation>modifier les référentiels de compétences</translation>
    </message>
    <message>
        <location line="+2" />
        <source>evaluate the trainees' competences</source>
        <translation>évaluer les compétences des jeunes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>export everything held about a person</source>
        <translation>exporter toutes les données d'une personne</translation>
    </message>
    <message>
        <location line="+2" />
        <source>apply the retention rule</source>
        <translation>appliquer la règle de conservation</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Access denied: the role “%1” does not allow you to %2.</source>
        <translation>Accès refusé : le rôle « %1 » ne permet pas de %2.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Access denied: this section is not one of yours.</source>
        <translation>Accès refusé : cette section n'est pas une des vôtres.</translation>
    </message>
</context>
<context>
    <name>AccountingService</name>
    <message>
        <location filename="../../src/core/services/accountingservice.cpp" line="+36" />
        <source>“%1”: an account number has 2 to 20 digits and starts with 1 to 8 (“%2”).</source>
        <translation>« %1 » : un numéro de compte compte 2 à 20 chiffres et commence par 1 à 8 (« %2 »).</translation>
    </message>
    <message>
        <location line="+38" />
        <source>“%1”: give the account's name.</source>
        <translation>« %1 » : indiquez le nom du compte.</translation>
    </message>
    <message>
        <location line="+95" />
        <source>No financial year ends in %1.</source>
        <translation>Aucun exercice ne se termine en %1.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Credit note %1, %2</source>
        <translation>Avoir %1, %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Invoice %1, %2</source>
        <translation>Facture %1, %2</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Payment of %1 (%2)</source>
        <translation>Règlement de %1 (%2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment of %1 (cheque no. %2)</source>
        <translation>Règlement de %1 (chèque n° %2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reversal of a payment of %1</source>
        <translation>Annulation d'un règlement de %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Deposit %1</source>
        <translation>Remise %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Deposit of %n cheque(s)</source>
        <translation>
            <numerusform>Remise de %n chèque</numerusform>
            <numerusform>Remise de %n chèques</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>Gift %1</source>
        <translation>Don %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Gift of securities</source>
        <translation>Don de titres</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Expenses waived by a volunteer</source>
        <translation>Frais abandonnés par un bénévole</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Gift (%1)</source>
        <translation>Don (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sponsorship (%1)</source>
        <translation>Mécénat (%1)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Apprenticeship tax %1</source>
        <translation>Taxe d'apprentissage %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apprenticeship tax %1, %2</source>
        <translation>Taxe d'apprentissage %1, %2</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Due %1</source>
        <translation>Cotisation %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Member's due %1</source>
        <translation>Cotisation %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Subsidy %1</source>
        <translation>Subvention %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subsidy granted: %1, %2</source>
        <translation>Subvention accordée : %1, %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Subsidy instalment %1</source>
        <translation>Versement de subvention %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subsidy received: %1, %2</source>
        <translation>Subvention reçue : %1, %2</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Entry %1</source>
        <translation>Écriture %1</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The entry of %1 (%2) does not balance: debit %3, credit %4. Nothing was written; run a check of the database.</source>
        <translation>L'écriture de %1 (%2) n'est pas équilibrée : débit %3, crédit %4. Rien n'a été écrit ; lancez une vérification de la base.</translation>
    </message>
</context>
<context>
    <name>ArchiveManifest</name>
    <message>
        <location filename="../../src/core/io/archivemanifest.cpp" line="+137" />
        <source>The folder “%1” does not exist.</source>
        <translation>Le dossier « %1 » n'existe pas.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 is missing: this folder is not a signed archive of Établi, or it was damaged.</source>
        <translation>%1 manque : ce dossier n'est pas une archive signée d'Établi, ou il a été abîmé.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: the signature does not match: the list of files was changed after the archive was made.</source>
        <translation>%1 : la signature ne correspond pas : la liste des fichiers a été modifiée après la création de l'archive.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: the archive is signed with another key than the school's (%2).</source>
        <translation>%1 : l'archive est signée par une autre clé que celle de l'école (%2).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: a line cannot be read: “%2”.</source>
        <translation>%1 : une ligne est illisible : « %2 ».</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: the name “%2” points outside the archive.</source>
        <translation>%1 : le nom « %2 » désigne un fichier hors de l'archive.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: missing.</source>
        <translation>%1 : manquant.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: changed since the archive was made (its SHA-256 differs).</source>
        <translation>%1 : modifié depuis la création de l'archive (son SHA-256 diffère).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: added after the archive was made (not in the manifest).</source>
        <translation>%1 : ajouté après la création de l'archive (absent du manifeste).</translation>
    </message>
</context>
<context>
    <name>AttendanceService</name>
    <message>
        <location filename="../../src/core/services/attendanceservice.cpp" line="+56" />
        <location line="+8" />
        <location line="+171" />
        <location line="+9" />
        <location line="+2" />
        <location line="+10" />
        <source>Access denied: this section is not one of yours.</source>
        <translation>Accès refusé : cette section n'est pas une des vôtres.</translation>
    </message>
    <message>
        <location line="-141" />
        <source>“%1” cannot be written for a half-day still to come (%2): only a planned absence (excused, internship, exclusion) can.</source>
        <translation>« %1 » ne peut pas être noté pour une demi-journée à venir (%2) : seule une absence prévue (justifiée, stage, exclusion) peut l'être.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Trainee n°%1 is not enrolled in this section on %2.</source>
        <translation>Le jeune n°%1 n'est pas inscrit dans cette section le %2.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 %2 was not enrolled on %3: no attendance can be recorded that day.</source>
        <translation>%1 %2 n'était pas inscrit(e) le %3 : aucune présence ne peut être saisie ce jour-là.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>A half-day of the timetable is Monday to Friday, morning or afternoon.</source>
        <translation>Une demi-journée de l'emploi du temps va du lundi au vendredi, matin ou après-midi.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Give the day the timetable applies from.</source>
        <translation>Indiquez le jour à partir duquel l'emploi du temps s'applique.</translation>
    </message>
</context>
<context>
    <name>AuditRepository</name>
    <message>
        <location filename="../../src/core/storage/auditrepository.cpp" line="+373" />
        <source>row %1 follows row %2: rows are missing</source>
        <translation>la ligne %1 suit la ligne %2 : des lignes manquent</translation>
    </message>
    <message>
        <location line="+3" />
        <source>row %1 does not follow the previous row</source>
        <translation>la ligne %1 ne suit pas la ligne précédente</translation>
    </message>
    <message>
        <location line="+3" />
        <source>row %1 was modified</source>
        <translation>la ligne %1 a été modifiée</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Internal error: unknown column.</source>
        <translation>Erreur interne : colonne inconnue.</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../../src/core/services/audittrail.cpp" line="+144" />
        <source>Internal error: personal values recorded without digest.</source>
        <translation>Erreur interne : des valeurs personnelles seraient enregistrées sans empreinte.</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Date (UTC);Person;Item;Number;Action;Changes</source>
        <translation>Date (UTC);Personne;Élément;Numéro;Action;Modifications</translation>
    </message>
    <message>
        <location line="+42" />
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>on %1 at %2</source>
        <translation>le %1 à %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Changed by %1 %2 while you were changing it. Reload their version, or copy your changes first.</source>
        <translation>Modifié par %1 %2 pendant que vous le modifiiez. Rechargez sa version, ou copiez d'abord vos changements.</translation>
    </message>
</context>
<context>
    <name>AuditWording</name>
    <message>
        <location filename="../../src/core/services/auditwording.cpp" line="+39" />
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accounted for on</source>
        <translation>Compte rendu le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address (continued)</source>
        <translation>Adresse (suite)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Certifications prepared</source>
        <translation>Certifications préparées</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cheques</source>
        <translation>Chèques</translation>
    </message>
    <message>
        <location line="+1" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School year of entry</source>
        <translation>Année scolaire d'entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Consumer mediator</source>
        <translation>Médiateur de la consommation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Records created</source>
        <translation>Fiches créées</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry corrected</source>
        <translation>Saisie corrigée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brought in on</source>
        <translation>Déposé le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Given back on</source>
        <translation>Rendu le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Difficulties</source>
        <translation>Difficultés</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+40" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="-39" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry</source>
        <translation>Saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date of entry</source>
        <translation>Date d'entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date of exit</source>
        <translation>Date de sortie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for leaving</source>
        <translation>Motif de sortie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount expected</source>
        <translation>Montant attendu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial year</source>
        <translation>Exercice comptable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First month of the financial year</source>
        <translation>Premier mois de l'exercice comptable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Form of the gift</source>
        <translation>Forme du don</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount granted</source>
        <translation>Montant accordé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Legal guardian</source>
        <translation>Responsable légal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A half-day in the workshop</source>
        <translation>Une demi-journée à l'atelier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highlights</source>
        <translation>Faits marquants</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Job</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Member since</source>
        <translation>Adhérent depuis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kept aside</source>
        <translation>Mis de côté</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Left on</source>
        <translation>Parti le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Locked until</source>
        <translation>Verrouillé jusqu'au</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Materials</source>
        <translation>Matières</translation>
    </message>
    <message>
        <location line="+1" />
        <source>May issue tax receipts</source>
        <translation>Peut émettre des reçus fiscaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Member</source>
        <translation>Adhérent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Method of payment</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nature of the gift</source>
        <translation>Nature du don</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Managing association</source>
        <translation>Association gestionnaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outlook</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What was made</source>
        <translation>Ce qui a été produit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount paid</source>
        <translation>Montant versé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paid on</source>
        <translation>Versé le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number plate</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Position in the list</source>
        <translation>Position dans la liste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Read</source>
        <translation>Consulté</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Capacity of the receipts' signatory</source>
        <translation>Qualité du signataire des reçus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipts' signatory</source>
        <translation>Signataire des reçus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount received</source>
        <translation>Montant reçu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referral</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount requested</source>
        <translation>Montant demandé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Candidates kept (months)</source>
        <translation>Conservation des candidats (mois)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Invoices kept (years)</source>
        <translation>Conservation des factures (années)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainees kept (years)</source>
        <translation>Conservation des dossiers des jeunes (années)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancels</source>
        <translation>Annule</translation>
    </message>
    <message>
        <location line="+1" />
        <source>RNA number</source>
        <translation>Numéro RNA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School year starts in</source>
        <translation>Rentrée scolaire en</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Season</source>
        <translation>Saison</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team member</source>
        <translation>Membre de l'équipe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Statutory object</source>
        <translation>Objet statutaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year of the course</source>
        <translation>Année de formation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target share of gifts</source>
        <translation>Part visée des dons</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target share of sales</source>
        <translation>Part visée des ventes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target share of subsidies</source>
        <translation>Part visée des subventions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total excluding VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total including VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade</source>
        <translation>Métier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tyre size</source>
        <translation>Dimension des pneus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit price excluding VAT</source>
        <translation>Prix unitaire HT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User account</source>
        <translation>Compte utilisateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mention on invoices</source>
        <translation>Mention sur les factures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT number</source>
        <translation>N° de TVA intracommunautaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT on debits</source>
        <translation>TVA sur les débits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT rate</source>
        <translation>Taux de TVA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT regime</source>
        <translation>Régime de TVA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value of a volunteer's hour</source>
        <translation>Valeur d'une heure de bénévolat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Work order</source>
        <translation>Bon de travaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+38" />
        <source>follow-up notes</source>
        <translation>notes de suivi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>legal guardians</source>
        <translation>responsables légaux</translation>
    </message>
    <message>
        <location line="+15" />
        <source>unknown login</source>
        <translation>identifiant inconnu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>account locked</source>
        <translation>compte verrouillé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>wrong password</source>
        <translation>mot de passe erroné</translation>
    </message>
    <message>
        <location line="+41" />
        <source>(personal data, masked)</source>
        <translation>(donnée personnelle masquée)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1: changed</source>
        <translation>%1 : modifié</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <location filename="../../src/core/services/authservice.cpp" line="+49" />
        <source>This account no longer exists.</source>
        <translation>Ce compte n'existe plus.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Wrong login or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location line="+72" />
        <source>This account is deactivated. Ask the direction to reactivate it.</source>
        <translation>Ce compte est désactivé. Demandez à la direction de le réactiver.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../src/core/storage/backup.cpp" line="+29" />
        <source>Cannot write “%1”.</source>
        <translation>Impossible d'écrire « %1 ».</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cannot write “%1” to disk.</source>
        <translation>Impossible d'écrire « %1 » sur le disque.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Cannot rename “%1” to “%2”.</source>
        <translation>Impossible de renommer « %1 » en « %2 ».</translation>
    </message>
    <message>
        <location line="+45" />
        <source>The copy cannot replace the database itself.</source>
        <translation>La copie ne peut pas remplacer la base elle-même.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The file “%1” already exists: it was not replaced.</source>
        <translation>Le fichier « %1 » existe déjà : il n'a pas été remplacé.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot create the folder “%1”.</source>
        <translation>Impossible de créer le dossier « %1 ».</translation>
    </message>
    <message>
        <location line="+31" />
        <source>The disk is full: the copy “%1” was not made. Free some space on that disk, or choose another, then try again.</source>
        <translation>Le disque est plein : la copie « %1 » n'a pas été faite. Libérez de la place sur ce disque, ou choisissez-en un autre, puis réessayez.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The copy “%1” was not made: %2</source>
        <translation>La copie « %1 » n'a pas été faite : %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The copy “%1” failed the integrity check.</source>
        <translation>La copie « %1 » n'a pas passé le contrôle d'intégrité.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The backup “%1” is damaged.</source>
        <translation>La sauvegarde « %1 » est endommagée.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The backup “%1” cannot be found.</source>
        <translation>La sauvegarde « %1 » est introuvable.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot copy the backup “%1”.</source>
        <translation>Impossible de copier la sauvegarde « %1 ».</translation>
    </message>
    <message>
        <location line="+10" />
        <source>“%1” already exists.</source>
        <translation>« %1 » existe déjà.</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <location filename="../../src/core/services/backupservice.cpp" line="+57" />
        <source>credit note %1 of %2, %3, %4</source>
        <translation>avoir %1 du %2, %3, %4</translation>
    </message>
    <message>
        <location line="+1" />
        <source>invoice %1 of %2, %3, %4</source>
        <translation>facture %1 du %2, %3, %4</translation>
    </message>
    <message>
        <location line="+11" />
        <source>tax receipt %1 of %2, %3</source>
        <translation>reçu fiscal %1 du %2, %3</translation>
    </message>
    <message>
        <location line="+11" />
        <source>payment of %1 on %2 for %3</source>
        <translation>règlement de %1 du %2 sur %3</translation>
    </message>
    <message>
        <location line="+37" />
        <source>RESTORE</source>
        <translation>RESTAURER</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>The copy lacks %n issued document(s) or payment(s): nothing was restored. To restore it all the same, type the word %1.</source>
        <translation>
            <numerusform>Il manque à la copie %n document émis ou règlement : rien n'a été restauré. Pour la restaurer quand même, tapez le mot %1.</numerusform>
            <numerusform>Il manque à la copie %n documents émis ou règlements : rien n'a été restauré. Pour la restaurer quand même, tapez le mot %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50" />
        <source>Restore of %1; the documents are in %2</source>
        <translation>Restauration de %1 ; les documents sont dans %2</translation>
    </message>
</context>
<context>
    <name>BankRepository</name>
    <message>
        <location filename="../../src/core/storage/bankrepository.cpp" line="+42" />
        <source>Payment of %1</source>
        <translation>Règlement de %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Deposit slip no. %1</source>
        <translation>Remise de chèques n° %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gift from %1</source>
        <translation>Don de %1</translation>
    </message>
    <message>
        <location line="+141" />
        <source>This line of the statement no longer exists.</source>
        <translation>Cette ligne du relevé n'existe plus.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>This is already matched with line %1 of statement no. %2: a movement of the bank is matched once.</source>
        <translation>C'est déjà rapproché de la ligne %1 du relevé n° %2 : un mouvement de la banque n'est rapproché qu'une fois.</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+15" />
        <location line="+18" />
        <source>This line was reconciled meanwhile (on another computer?): reload the statement.</source>
        <translation>Cette ligne a été rapprochée entre-temps (sur un autre poste ?) : rechargez le relevé.</translation>
    </message>
</context>
<context>
    <name>BankStatement</name>
    <message>
        <location filename="../../src/core/io/bankstatement.cpp" line="+51" />
        <source>The statement holds no movement: nothing to import.</source>
        <translation>Le relevé ne contient aucune opération : rien à importer.</translation>
    </message>
    <message>
        <location line="+239" />
        <source>This is not an OFX file: it has no &lt;OFX&gt; element.</source>
        <translation>Ce n'est pas un fichier OFX : il n'a pas d'élément &lt;OFX&gt;.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Movement %1 of the OFX file: %2 Nothing was imported.</source>
        <translation>Opération %1 du fichier OFX : %2 Rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+30" />
        <location line="+120" />
        <location line="+169" />
        <source>it is in %1; Établi keeps accounts in euros only.</source>
        <translation>elle est en %1 ; Établi ne tient les comptes qu'en euros.</translation>
    </message>
    <message>
        <location line="-283" />
        <source>its day “%1” cannot be read.</source>
        <translation>sa date « %1 » est illisible.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+113" />
        <source>its amount “%1” cannot be read.</source>
        <translation>son montant « %1 » est illisible.</translation>
    </message>
    <message>
        <location line="-101" />
        <source>This OFX file holds no bank statement (no STMTRS element): download the account's statement again.</source>
        <translation>Ce fichier OFX ne contient pas de relevé de compte (pas d'élément STMTRS) : téléchargez à nouveau le relevé du compte.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+73" />
        <source>This statement is in %1; Établi keeps accounts in euros only. Nothing was imported.</source>
        <translation>Ce relevé est en %1 ; Établi ne tient les comptes qu'en euros. Rien n'a été importé.</translation>
    </message>
    <message>
        <location line="-45" />
        <source>Entry %1 of the statement: %2 Nothing was imported.</source>
        <translation>Opération %1 du relevé : %2 Rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>This file is an intraday report or a notice (camt.052 or camt.054), not an account statement: ask the bank for the camt.053 statement.</source>
        <translation>Ce fichier est un relevé intrajournalier ou un avis (camt.052 ou camt.054), pas un relevé de compte : demandez à la banque le relevé camt.053.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+117" />
        <source>This XML file is not a CAMT.053 bank statement.</source>
        <translation>Ce fichier XML n'est pas un relevé bancaire CAMT.053.</translation>
    </message>
    <message>
        <location line="-22" />
        <source>it has no booking day.</source>
        <translation>elle n'a pas de date de comptabilisation.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>it has no amount.</source>
        <translation>elle n'a pas de montant.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>it says neither credit nor debit (CdtDbtInd).</source>
        <translation>elle n'indique ni crédit ni débit (CdtDbtInd).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The XML file is damaged (line %1): %2. Download the statement again.</source>
        <translation>Le fichier XML est endommagé (ligne %1) : %2. Téléchargez à nouveau le relevé.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>No row of headings was found at the top of the file: the bank's export must name its columns (Date, Libellé, Montant…).</source>
        <translation>Aucune ligne d'en-têtes en haut du fichier : l'export de la banque doit nommer ses colonnes (Date, Libellé, Montant…).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Say which columns give the day, the wording and the amount (or the debit and the credit).</source>
        <translation>Indiquez les colonnes qui donnent la date, le libellé et le montant (ou le débit et le crédit).</translation>
    </message>
    <message>
        <location line="+14" />
        <location line="+16" />
        <source>The file's columns are not those set up (%1).</source>
        <translation>Les colonnes du fichier ne sont pas celles indiquées (%1).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Ligne %1 : %2 Rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>“%1” is not a day (dd/mm/yyyy).</source>
        <translation>« %1 » n'est pas une date (jj/mm/aaaa).</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+19" />
        <source>the movement has no amount.</source>
        <translation>l'opération n'a pas de montant.</translation>
    </message>
    <message>
        <location line="-12" />
        <location line="+6" />
        <source>“%1” is not an amount.</source>
        <translation>« %1 » n'est pas un montant.</translation>
    </message>
</context>
<context>
    <name>BankStatementService</name>
    <message>
        <location filename="../../src/core/services/bankstatementservice.cpp" line="+80" />
        <source>This file is not a bank statement Établi can read: take the OFX, CAMT.053 (XML) or CSV export offered by the bank's website.</source>
        <translation>Ce fichier n'est pas un relevé bancaire qu'Établi sait lire : prenez l'export OFX, CAMT.053 (XML) ou CSV proposé par le site de la banque.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>This statement is the one of account %1; the school's settings give the account %2. Check that it is the school's account.</source>
        <translation>Ce relevé est celui du compte %1 ; les réglages de l'école indiquent le compte %2. Vérifiez qu'il s'agit bien du compte de l'école.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Say which columns give the day, the wording and the amount (or the debit and the credit).</source>
        <translation>Indiquez les colonnes qui donnent la date, le libellé et le montant (ou le débit et le crédit).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This statement was imported already, on %1 by %2 (statement no. %3): nothing was added.</source>
        <translation>Ce relevé a déjà été importé, le %1 par %2 (relevé n° %3) : rien n'a été ajouté.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Every movement of this statement was imported already (from another statement of the same days): nothing was added.</source>
        <translation>Toutes les opérations de ce relevé sont déjà importées (par un autre relevé des mêmes jours) : rien n'a été ajouté.</translation>
    </message>
</context>
<context>
    <name>BatchInsert</name>
    <message>
        <location filename="../../src/core/storage/batchinsert.cpp" line="+97" />
        <source>Internal error: badly parameterised query.</source>
        <translation>Erreur interne : requête mal paramétrée.</translation>
    </message>
</context>
<context>
    <name>BudgetRepository</name>
    <message>
        <location filename="../../src/core/storage/budgetrepository.cpp" line="+170" />
        <source>This budget category does not exist.</source>
        <translation>Cette catégorie du budget n'existe pas.</translation>
    </message>
    <message>
        <location line="+89" />
        <source>This entry does not exist.</source>
        <translation>Cette écriture n'existe pas.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>This apprenticeship tax line does not exist.</source>
        <translation>Cette ligne de taxe d'apprentissage n'existe pas.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>This line was changed meanwhile on another computer.</source>
        <translation>Cette ligne a été modifiée entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>This member does not exist.</source>
        <translation>Cet adhérent n'existe pas.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>This member was changed meanwhile on another computer.</source>
        <translation>Cet adhérent a été modifié entre-temps sur un autre poste.</translation>
    </message>
</context>
<context>
    <name>BudgetService</name>
    <message>
        <location filename="../../src/core/services/budgetservice.cpp" line="+20" />
        <source>Sales of the production</source>
        <translation>Ventes de la production</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gifts from individuals</source>
        <translation>Dons des particuliers</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sponsorship by companies and organisations</source>
        <translation>Mécénat des entreprises et organismes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apprenticeship tax</source>
        <translation>Taxe d'apprentissage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Members' dues</source>
        <translation>Cotisations des adhérents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other income</source>
        <translation>Autres produits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Purchases, materials and supplies</source>
        <translation>Achats, matières et fournitures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>External services</source>
        <translation>Services extérieurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Taxes</source>
        <translation>Impôts et taxes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staff costs</source>
        <translation>Charges de personnel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Depreciation</source>
        <translation>Dotations aux amortissements</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other expenses</source>
        <translation>Autres charges</translation>
    </message>
    <message>
        <location line="+33" />
        <source>A forecast belongs to a financial year: open the year first.</source>
        <translation>Un prévisionnel appartient à un exercice : ouvrez d'abord l'exercice.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A forecast is zero or more.</source>
        <translation>Un montant prévu est positif ou nul.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This financial year is closed: its forecast stays as it was.</source>
        <translation>Cet exercice est clos : son prévisionnel reste tel quel.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The subsidies' forecast is given per funder: choose the funder.</source>
        <translation>Les subventions se prévoient par financeur : choisissez le financeur.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only the subsidies' forecast is given per funder.</source>
        <translation>Seules les subventions se prévoient par financeur.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Give the day of the entry (not in the future).</source>
        <translation>Indiquez la date de l'écriture (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Give the entry a label (what was bought, paid or received).</source>
        <translation>Donnez un libellé à l'écriture (ce qui a été acheté, payé ou reçu).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The amount is greater than zero (to undo an entry, record its correction).</source>
        <translation>Le montant est supérieur à zéro (pour annuler une écriture, enregistrez sa correction).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>“%1” is computed by Établi (from the invoices, gifts, subsidies or dues): it takes no entry.</source>
        <translation>« %1 » est calculé par Établi (à partir des factures, des dons, des subventions ou des cotisations) : on n'y saisit rien.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Give the day of the correction (not in the future).</source>
        <translation>Indiquez la date de la correction (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Say why the entry is corrected.</source>
        <translation>Indiquez pourquoi l'écriture est corrigée.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This entry is itself a correction: record the entry again instead.</source>
        <translation>Cette écriture est elle-même une correction : saisissez plutôt l'écriture à nouveau.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This entry is already corrected.</source>
        <translation>Cette écriture est déjà corrigée.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Correction: %1 (%2)</source>
        <translation>Correction : %1 (%2)</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Choose the company paying the tax.</source>
        <translation>Choisissez l'entreprise qui verse la taxe.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the year of the tax.</source>
        <translation>Indiquez l'année de la taxe.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The amounts of the tax are zero or more.</source>
        <translation>Les montants de la taxe sont positifs ou nuls.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the day the tax was received (not in the future).</source>
        <translation>Indiquez la date de réception de la taxe (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the amount received on that day.</source>
        <translation>Indiquez le montant reçu ce jour-là.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The company and the year of a line stay as they are.</source>
        <translation>L'entreprise et l'année d'une ligne ne changent pas.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 already has a line for %2: change that one.</source>
        <translation>%1 a déjà une ligne pour %2 : modifiez celle-ci.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Choose the member in the directory.</source>
        <translation>Choisissez l'adhérent dans le répertoire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the day the member joined (not in the future).</source>
        <translation>Indiquez la date d'adhésion (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A member leaves after joining.</source>
        <translation>Un adhérent part après avoir adhéré.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 is already a member.</source>
        <translation>%1 est déjà adhérent.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Give the year the dues are for.</source>
        <translation>Indiquez l'année de la cotisation.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The dues are greater than zero.</source>
        <translation>La cotisation est supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the day the dues were paid (not in the future).</source>
        <translation>Indiquez la date de paiement de la cotisation (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose how the dues were paid.</source>
        <translation>Choisissez le mode de paiement de la cotisation.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 has already paid the dues for %2.</source>
        <translation>%1 a déjà payé sa cotisation %2.</translation>
    </message>
</context>
<context>
    <name>BusinessParts</name>
    <message>
        <location filename="../../src/print/businessparts.cpp" line="+72" />
        <source>Tel. %1</source>
        <translation>Tél. %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SIRET %1</source>
        <translation>SIRET %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>RNA %1</source>
        <translation>RNA %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>VAT no. %1</source>
        <translation>N° TVA %1</translation>
    </message>
    <message>
        <location line="+21" />
        <source>SIRET %1 · SIREN %2</source>
        <translation>SIRET %1 · SIREN %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Description</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit price excl. VAT</source>
        <translation>Prix unitaire HT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+29" />
        <source>Total excl. VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <location line="-26" />
        <source>VAT exemption: %1</source>
        <translation>Exonération de TVA : %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>VAT %1 on %2</source>
        <translation>TVA %1 sur %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
</context>
<context>
    <name>CareerRepository</name>
    <message>
        <location filename="../../src/core/storage/careerrepository.cpp" line="+134" />
        <source>This internship was changed meanwhile on another computer: open the record again.</source>
        <translation>Ce stage a été modifié entre-temps sur un autre poste : rouvrez la fiche.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>The certification “%1” is already in the catalogue.</source>
        <translation>La certification « %1 » est déjà au catalogue.</translation>
    </message>
</context>
<context>
    <name>CareerService</name>
    <message>
        <location filename="../../src/core/services/careerservice.cpp" line="+22" />
        <source>Access denied: this trainee is not in one of your sections.</source>
        <translation>Accès refusé : ce jeune n'est pas dans une de vos sections.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The organisation's name is required.</source>
        <translation>Le nom de l'organisme est obligatoire.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Choose the host organisation.</source>
        <translation>Choisissez l'organisme d'accueil.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An internship needs a first and a last day.</source>
        <translation>Un stage a besoin d'un premier et d'un dernier jour.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The internship ends before it starts.</source>
        <translation>Le stage finit avant de commencer.</translation>
    </message>
    <message>
        <location line="+60" />
        <source>General training certificate</source>
        <translation>Certificat de formation générale</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CAP in vehicle maintenance</source>
        <translation>CAP maintenance des véhicules</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CAP in metalwork</source>
        <translation>CAP métallier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Workplace first-aider</source>
        <translation>Sauveteur secouriste du travail</translation>
    </message>
    <message>
        <location line="+2" />
        <source>School road-safety certificate, level 2</source>
        <translation>Attestation scolaire de sécurité routière, niveau 2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>A certification needs a short name and a title.</source>
        <translation>Une certification a besoin d'un sigle et d'un intitulé.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The session is a year, such as 2026.</source>
        <translation>La session est une année, par exemple 2026.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Outcomes are recorded for trainees who have left.</source>
        <translation>Le devenir se saisit pour les jeunes sortis.</translation>
    </message>
</context>
<context>
    <name>CatalogueRepository</name>
    <message>
        <location filename="../../src/core/storage/cataloguerepository.cpp" line="+30" />
        <source>This catalogue item does not exist.</source>
        <translation>Cet article du catalogue n'existe pas.</translation>
    </message>
    <message>
        <location line="+65" />
        <location line="+21" />
        <source>The code “%1” is already used in this workshop.</source>
        <translation>Le code « %1 » est déjà utilisé dans cet atelier.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This item was changed meanwhile on another computer.</source>
        <translation>Cet article a été modifié entre-temps sur un autre poste.</translation>
    </message>
</context>
<context>
    <name>CatalogueService</name>
    <message>
        <location filename="../../src/core/services/catalogueservice.cpp" line="+14" />
        <source>Choose the workshop of the item.</source>
        <translation>Choisissez l'atelier de l'article.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An item needs a code and a label.</source>
        <translation>Un article a besoin d'un code et d'un libellé.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The code is 20 characters at most.</source>
        <translation>Le code compte 20 caractères au plus.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1”: choose the unit.</source>
        <translation>« %1 » : choisissez l’unité.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The price cannot be negative.</source>
        <translation>Le prix ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The VAT rate is between 0 and 100 %.</source>
        <translation>Le taux de TVA est compris entre 0 et 100 %.</translation>
    </message>
</context>
<context>
    <name>ChainCounters</name>
    <message numerus="yes">
        <location filename="../../src/core/storage/chaincounters.cpp" line="+67" />
        <source>Invoices %1: %n missing at the end (F%1-%2 was issued, the last present is number %3).</source>
        <translation>
            <numerusform>Factures %1 : %n manquante à la fin (F%1-%2 a été émise, la dernière présente est le numéro %3).</numerusform>
            <numerusform>Factures %1 : %n manquantes à la fin (F%1-%2 a été émise, la dernière présente est le numéro %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Credit notes %1: %n missing at the end (A%1-%2 was issued, the last present is number %3).</source>
        <translation>
            <numerusform>Avoirs %1 : %n manquant à la fin (A%1-%2 a été émis, le dernier présent est le numéro %3).</numerusform>
            <numerusform>Avoirs %1 : %n manquants à la fin (A%1-%2 a été émis, le dernier présent est le numéro %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Tax receipts %1: %n missing at the end (R%1-%2 was issued, the last present is number %3).</source>
        <translation>
            <numerusform>Reçus fiscaux %1 : %n manquant à la fin (R%1-%2 a été émis, le dernier présent est le numéro %3).</numerusform>
            <numerusform>Reçus fiscaux %1 : %n manquants à la fin (R%1-%2 a été émis, le dernier présent est le numéro %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Chain of invoices: %n document(s) missing at the end (%1 issued, %2 present).</source>
        <translation>
            <numerusform>Chaîne des factures : %n document manquant à la fin (%1 émis, %2 présents).</numerusform>
            <numerusform>Chaîne des factures : %n documents manquants à la fin (%1 émis, %2 présents).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Chain of tax receipts: %n missing at the end (%1 issued, %2 present).</source>
        <translation>
            <numerusform>Chaîne des reçus fiscaux : %n manquant à la fin (%1 émis, %2 présents).</numerusform>
            <numerusform>Chaîne des reçus fiscaux : %n manquants à la fin (%1 émis, %2 présents).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Payments: %n missing (%1 recorded, %2 present).</source>
        <translation>
            <numerusform>Règlements : %n manquant (%1 enregistrés, %2 présents).</numerusform>
            <numerusform>Règlements : %n manquants (%1 enregistrés, %2 présents).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Closings: %n missing at the end (%1 made, %2 present).</source>
        <translation>
            <numerusform>Clôtures : %n manquante à la fin (%1 faites, %2 présentes).</numerusform>
            <numerusform>Clôtures : %n manquantes à la fin (%1 faites, %2 présentes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Log of changes: %n row(s) missing at the end (rows up to %1 were written, the last present is %2).</source>
        <translation>
            <numerusform>Journal des modifications : %n ligne manquante à la fin (lignes écrites jusqu'à la %1, la dernière présente est la %2).</numerusform>
            <numerusform>Journal des modifications : %n lignes manquantes à la fin (lignes écrites jusqu'à la %1, la dernière présente est la %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClosingRepository</name>
    <message>
        <location filename="../../src/core/storage/closingrepository.cpp" line="+33" />
        <source>A closing cannot be read: run a check of the database.</source>
        <translation>Une clôture est illisible : lancez une vérification de la base.</translation>
    </message>
</context>
<context>
    <name>ClosingService</name>
    <message>
        <location filename="../../src/core/services/closingservice.cpp" line="+25" />
        <source>year %1</source>
        <translation>année %1</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Only a month that is over can be closed: %1 is not over yet.</source>
        <translation>Seul un mois terminé peut être clôturé : %1 n'est pas encore terminé.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 is already closed (or nothing was issued nor paid before it): nothing to close.</source>
        <translation>%1 est déjà clôturé (ou rien n'a été facturé ni encaissé avant) : rien à clôturer.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The chain of closings is inconsistent: run a check of the database.</source>
        <translation>La chaîne des clôtures est incohérente : lancez une vérification de la base.</translation>
    </message>
    <message>
        <location line="+63" />
        <source>%1 is closed (Sales → Closings): nothing can be issued nor paid on %2 any more. Record it on a day of a month that is still open.</source>
        <translation>%1 est clôturé (Ventes → Clôtures) : plus rien ne peut être facturé ni encaissé au %2. Enregistrez-le à une date d'un mois encore ouvert.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../src/cli/clisupport.h" line="+27" />
        <source>Database: an SQLite file or postgresql://user[:password]@host[:port]/dbname (default: ETABLI_DATABASE, then the default database).</source>
        <translation>Base de données : fichier SQLite ou postgresql://utilisateur[:mot de passe]@serveur[:port]/base (sinon ETABLI_DATABASE, sinon la base par défaut).</translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="+239" />
        <location line="+4" />
        <location filename="../../src/cli/clisupport.h" line="+2" />
        <source>DATABASE</source>
        <translation>BASE</translation>
    </message>
    <message>
        <location filename="../../src/cli/clisupport.h" line="+2" />
        <source>Log level: trace, debug, info, warning, error, off.</source>
        <translation>Niveau du journal : trace, debug, info, warning, error, off.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LEVEL</source>
        <translation>NIVEAU</translation>
    </message>
    <message>
        <location filename="../../src/cli/clisupport.cpp" line="+31" />
        <source>PostgreSQL: the login role the application uses every day; it gets the rights to read and write rows, and owns nothing.</source>
        <translation>PostgreSQL : le rôle de connexion que l'application utilise chaque jour ; il reçoit le droit de lire et d'écrire les lignes, et ne possède rien.</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliserver.cpp" line="+14" />
        <source>The server: its name on the network or its address.</source>
        <translation>Le serveur : son nom sur le réseau ou son adresse.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>HOST</source>
        <translation>SERVEUR</translation>
    </message>
    <message>
        <location line="+2" />
        <source>PostgreSQL's port on the server.</source>
        <translation>Le port de PostgreSQL sur le serveur.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The server's administrator (a PostgreSQL superuser); the password from PGPASSWORD, a .pgpass file or typed at the prompt.</source>
        <translation>L'administrateur du serveur (un superutilisateur PostgreSQL) ; le mot de passe vient de PGPASSWORD, d'un fichier .pgpass ou est tapé à l'invite.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The school's database to create.</source>
        <translation>La base de l'école à créer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The role that owns the tables and runs the upgrades (made here).</source>
        <translation>Le rôle propriétaire des tables, qui fait les mises à jour (créé ici).</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../src/cli/clisupport.cpp" line="+2" />
        <source>ROLE</source>
        <translation>RÔLE</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Sets the server up for a school.</source>
        <translation>Prépare le serveur pour une école.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sets up a school's PostgreSQL server, as its administrator: the database, the role that owns its tables, the daily role the PCs use, with generated passwords; then prints what to type on each PC.</source>
        <translation>Prépare le serveur PostgreSQL d'une école, en tant que son administrateur : la base, le rôle propriétaire de ses tables, le rôle quotidien des postes, avec des mots de passe générés ; puis affiche ce qu'il faut taper sur chaque poste.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Usage: etabli-cli server init --host HOST --admin LOGIN</source>
        <translation>Usage : etabli-cli server init --host SERVEUR --admin IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The port must be a number from 1 to 65535 (“%1”).</source>
        <translation>Le port doit être un nombre de 1 à 65535 (« %1 »).</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Server ready: the database “%1” on %2 (port %3), with Établi's tables and no school yet.</source>
        <translation>Serveur prêt : la base « %1 » sur %2 (port %3), avec les tables d'Établi et pas encore d'école.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>On each PC, in Établi: File → Connect to the school's server…</source>
        <translation>Sur chaque poste, dans Établi : Fichier → Se connecter au serveur de l'école…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  Server: %1</source>
        <translation>  Serveur : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  Port: %1</source>
        <translation>  Port : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  Database: %1</source>
        <translation>  Base : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  PostgreSQL login: %1</source>
        <translation>  Identifiant PostgreSQL : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  Password: %1</source>
        <translation>  Mot de passe : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>To move the school there (once, from the PC that has its file) and for upgrades, the owner:</source>
        <translation>Pour y déplacer l'école (une fois, depuis le poste qui a son fichier) et pour les mises à jour, le propriétaire :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  Login: %1   Password: %2</source>
        <translation>  Identifiant : %1   Mot de passe : %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  in Établi: File → Move the school onto the server…, or:</source>
        <translation>  dans Établi : Fichier → Déplacer l'école sur le serveur…, ou :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Keep these passwords in a safe place: they are written nowhere else. The server must also accept the PCs of the school's network (pg_hba.conf, listen_addresses: see the guide, “Installer Établi sur plusieurs postes”).</source>
        <translation>Gardez ces mots de passe en lieu sûr : ils ne sont écrits nulle part ailleurs. Le serveur doit aussi accepter les postes du réseau de l'école (pg_hba.conf, listen_addresses : voir le guide, « Installer Établi sur plusieurs postes »).</translation>
    </message>
    <message>
        <location filename="../../src/cli/clisupport.cpp" line="+16" />
        <source>See “etabli-cli %1 --help”.</source>
        <translation>Voir « etabli-cli %1 --help ».</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Unexpected argument: “%1”.</source>
        <translation>Argument inattendu : « %1 ».</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Unknown log level: “%1”.</source>
        <translation>Niveau de journal inconnu : « %1 ».</translation>
    </message>
    <message>
        <location line="+62" />
        <source>No password: set ETABLI_PASSWORD or run the command in a terminal.</source>
        <translation>Pas de mot de passe : définissez ETABLI_PASSWORD ou lancez la commande dans un terminal.</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+31" />
        <source>PostgreSQL password of %1 on %2: </source>
        <translation>Mot de passe PostgreSQL de %1 sur %2 : </translation>
    </message>
    <message>
        <location line="-4" />
        <source>The PostgreSQL server asks for the password of “%1”: put it in PGPASSWORD or in a .pgpass file.</source>
        <translation>Le serveur PostgreSQL demande le mot de passe de « %1 » : mettez-le dans PGPASSWORD ou dans un fichier .pgpass.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>The database “%1” is read-only and was made by another version of Établi: copy it to a folder where you can write, so that it is brought up to date.</source>
        <translation>La base de données « %1 » est en lecture seule et vient d'une autre version d'Établi : copiez-la dans un dossier où vous pouvez écrire, pour qu'elle soit mise à jour.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database is read-only: it is read, nothing is written to it, not even to its audit trail.</source>
        <translation>La base de données est en lecture seule : elle est lue, rien n'y est écrit, pas même dans son journal des modifications.</translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="+243" />
        <location line="+99" />
        <location filename="../../src/cli/cliimport.cpp" line="+71" />
        <location filename="../../src/cli/clisupport.cpp" line="-26" />
        <source>Give the account to act as with --user LOGIN.</source>
        <translation>Indiquez le compte utilisé avec --user IDENTIFIANT.</translation>
    </message>
    <message>
        <location filename="../../src/cli/clisupport.cpp" line="+1" />
        <source>Password of %1: </source>
        <translation>Mot de passe de %1 : </translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="-547" />
        <source>Usage: etabli-cli &lt;command&gt; [options]</source>
        <translation>Usage : etabli-cli &lt;commande&gt; [options]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  init     creates an empty database for a school</source>
        <translation>  init     crée une base vide pour une école</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  demo     creates a realistic demonstration database</source>
        <translation>  demo     crée une base de démonstration réaliste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  check    checks a database (schema, integrity, foreign keys)</source>
        <translation>  check    vérifie une base (schéma, intégrité, clés étrangères)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  migrate  upgrades a database to this version; on PostgreSQL, as the tables' owner, and sets up the daily role (--daily-role)</source>
        <translation>  migrate  met une base à jour pour cette version ; sous PostgreSQL, avec le compte propriétaire des tables, et prépare le rôle quotidien (--daily-role)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  migrate --from DATABASE --to DATABASE   moves a whole school to the server, or back to a file</source>
        <translation>  migrate --from BASE --to BASE   déplace toute une école sur le serveur, ou la ramène dans un fichier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  backup   writes a verified copy of a database in use</source>
        <translation>  backup   écrit une copie vérifiée d'une base en cours d'utilisation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  server init --host HOST --admin LOGIN   sets up the school's PostgreSQL server for several PCs</source>
        <translation>  server init --host SERVEUR --admin IDENTIFIANT   prépare le serveur PostgreSQL de l'école pour plusieurs postes</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  export-person  writes everything held about one person (JSON and HTML)</source>
        <translation>  export-person  écrit toutes les données détenues sur une personne (JSON et HTML)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  retention      lists, then with --apply anonymises, the trainees past the retention time</source>
        <translation>  retention      liste, puis avec --apply anonymise, les jeunes dont la durée de conservation est passée</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  import trainees FILE   imports trainees from a CSV or .xlsx file (all or nothing)</source>
        <translation>  import trainees FICHIER   importe des jeunes depuis un fichier CSV ou .xlsx (tout ou rien)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  import contacts FILE   imports contacts (spreadsheet, Dolibarr, Paheko); --duplicates merge|skip|create</source>
        <translation>  import contacts FICHIER   importe des contacts (tableur, Dolibarr, Paheko) ; --duplicates merge|skip|create</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  import framework FILE  loads a diploma's skill framework (bloc;code;compétence;critère); --certification CODE</source>
        <translation>  import framework FICHIER  charge le référentiel de compétences d'un diplôme (bloc;code;compétence;critère) ; --certification CODE</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  export trainees        writes the list of trainees as CSV</source>
        <translation>  export trainees          écrit la liste des jeunes en CSV</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  export facturx --from DATE --to DATE --out FOLDER   writes the period's invoices and credit notes as Factur-X</source>
        <translation>  export facturx --from DATE --to DATE --out DOSSIER   écrit les factures et avoirs de la période au format Factur-X</translation>
    </message>
    <message>
        <location line="+4" />
        <source>  export fec --year YEAR --out FILE   writes the accountant's file (FEC) of the financial year closed in YEAR</source>
        <translation>  export fec --year ANNÉE --out FICHIER   écrit le fichier des écritures comptables (FEC) de l'exercice clos en ANNÉE</translation>
    </message>
    <message>
        <location line="+4" />
        <source>  report funding --year YEAR   the funding split, targets and forecast against actual (--format json|csv)</source>
        <translation>  report funding --year ANNÉE  la répartition des ressources, les objectifs et le prévu/réalisé (--format json|csv)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  report receipts --year YEAR  the yearly declaration of gifts and tax receipts (art. 222 bis CGI)</source>
        <translation>  report receipts --year ANNÉE  la déclaration annuelle des dons et des reçus fiscaux (art. 222 bis du CGI)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  close [--until YYYY-MM]      closes the sales month by month (sealed, chained closings)</source>
        <translation>  close [--until AAAA-MM]      clôture les ventes mois par mois (clôtures scellées et chaînées)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  archive --year YEAR --out FOLDER   writes the signed archive of a closed year</source>
        <translation>  archive --year ANNÉE --out DOSSIER   écrit l'archive signée d'une année clôturée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>  verify-archive FOLDER        checks an archive against its signed manifest</source>
        <translation>  verify-archive DOSSIER       vérifie une archive d'après son manifeste signé</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Commands that read or write the school's data act as an account: --user LOGIN, with the password in ETABLI_PASSWORD or typed at the prompt.</source>
        <translation>Les commandes qui lisent ou modifient les données de l'école agissent au nom d'un compte : --user IDENTIFIANT, avec le mot de passe dans ETABLI_PASSWORD ou saisi à l'invite.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>General options: --help, --version. Help on a command: etabli-cli &lt;command&gt; --help</source>
        <translation>Options générales : --help, --version. Aide d'une commande : etabli-cli &lt;commande&gt; --help</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Unknown command: “%1”.</source>
        <translation>Commande inconnue : « %1 ».</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Name of the school.</source>
        <translation>Nom de l'école.</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+8" />
        <location line="+4" />
        <location filename="../../src/cli/clireports.cpp" line="+106" />
        <location filename="../../src/cli/cliserver.cpp" line="-63" />
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location line="-11" />
        <source>My production school</source>
        <translation>Mon école de production</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Login of the director's account to create (password from ETABLI_PASSWORD or asked).</source>
        <translation>Identifiant du compte de direction à créer (mot de passe dans ETABLI_PASSWORD ou demandé).</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+347" />
        <location filename="../../src/cli/cliserver.cpp" line="-2" />
        <location filename="../../src/cli/clisupport.cpp" line="-152" />
        <source>LOGIN</source>
        <translation>IDENTIFIANT</translation>
    </message>
    <message>
        <location line="-346" />
        <source>The director's full name.</source>
        <translation>Nom complet de la direction.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The school's name cannot be empty.</source>
        <translation>Le nom de l'école ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Give the director's login with --user LOGIN.</source>
        <translation>Indiquez l'identifiant de la direction avec --user IDENTIFIANT.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Password of the new account %1: </source>
        <translation>Mot de passe du nouveau compte %1 : </translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+61" />
        <location line="+33" />
        <source>--daily-role is for a PostgreSQL database.</source>
        <translation>--daily-role ne s'emploie qu'avec une base PostgreSQL.</translation>
    </message>
    <message>
        <location line="-75" />
        <location line="+53" />
        <location line="+45" />
        <source>Daily role: %1 (reads and writes rows, owns nothing)</source>
        <translation>Rôle quotidien : %1 (lit et écrit les lignes, ne possède rien)</translation>
    </message>
    <message>
        <location line="-95" />
        <source>Database created: %1</source>
        <translation>Base créée : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No workshop yet: add them in Établi (Settings), or create the database with --section NAME.</source>
        <translation>Pas encore d'atelier : ajoutez-les dans Établi (Paramètres), ou créez la base avec --section NOM.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>With --to: the database to copy (an SQLite file or postgresql://…).</source>
        <translation>Avec --to : la base à copier (un fichier SQLite ou postgresql://…).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>With --from: where to copy it (a new SQLite file, or an empty PostgreSQL database, addressed as its tables' owner).</source>
        <translation>Avec --from : où la copier (un nouveau fichier SQLite, ou une base PostgreSQL vide, adressée avec le rôle propriétaire de ses tables).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Upgrades a database to this version of Établi. On PostgreSQL, run it as the role that owns the tables; the daily role (given, or the one set up before) gets its rights on the new tables. With --from and --to: moves a whole school from one database to another (a file to the school's server, or back), checked row by row.</source>
        <translation>Met une base à jour pour cette version d'Établi. Sur PostgreSQL, à lancer avec le rôle propriétaire des tables ; le rôle quotidien (donné, ou celui déjà installé) reçoit ses droits sur les nouvelles tables. Avec --from et --to : déplace toute une école d'une base à une autre (d'un fichier vers le serveur de l'école, ou l'inverse), vérifiée ligne à ligne.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Database %1: schema version %2 (up to date)</source>
        <translation>Base %1 : version du schéma %2 (à jour)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Give both the database to copy (--from) and where to copy it (--to).</source>
        <translation>Donnez la base à copier (--from) et l'endroit où la copier (--to).</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Copying %1 to %2…</source>
        <translation>Copie de %1 vers %2…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Copy done and checked: %1 tables, %2 rows, the same in %3 as in %4.</source>
        <translation>Copie faite et vérifiée : %1 tables, %2 lignes, les mêmes dans %3 que dans %4.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The file %1 is marked as moved: opened again, it says the school is on the server.</source>
        <translation>Le fichier %1 est marqué comme déplacé : rouvert, il dit que l'école est sur le serveur.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file %1 could not be marked as moved (read-only?): do not work in it any more.</source>
        <translation>Le fichier %1 n'a pas pu être marqué comme déplacé (lecture seule ?) : n'y travaillez plus.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Size: “school” (one school over 10 years, the default) or “federation” (about twenty schools, for benchmarks).</source>
        <translation>Taille : « school » (une école sur 10 ans, par défaut) ou « federation » (une vingtaine d'écoles, pour les mesures).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>SIZE</source>
        <translation>TAILLE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Generator seed (same seed, same database).</source>
        <translation>Graine du générateur (même graine, même base).</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+155" />
        <location line="+2" />
        <location line="+2" />
        <location filename="../../src/cli/clilist.cpp" line="+189" />
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-158" />
        <source>Reference date YYYY-MM-DD (default: today).</source>
        <translation>Date de référence AAAA-MM-JJ (par défaut : aujourd'hui).</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+287" />
        <location line="+2" />
        <location filename="../../src/cli/cliprint.cpp" line="+184" />
        <location line="+2" />
        <location filename="../../src/cli/clireports.cpp" line="+6" />
        <location line="+4" />
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <location line="-284" />
        <source>Creates a realistic and reproducible demonstration database.</source>
        <translation>Crée une base de démonstration réaliste et reproductible.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The seed must be a positive integer (“%1”).</source>
        <translation>La graine doit être un entier positif (« %1 »).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Invalid date: “%1” (expected: YYYY-MM-DD).</source>
        <translation>Date invalide : « %1 » (attendu : AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Demonstration database created: %1</source>
        <translation>Base de démonstration créée : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 sections, %2 trainees over %3 school years.</source>
        <translation>%1 sections, %2 jeunes sur %3 années scolaires.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Accounts: %1 — password: %2</source>
        <translation>Comptes : %1 — mot de passe : %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Checks a database without changing it: schema version, integrity, foreign keys. Exit code 1 when a problem is found.</source>
        <translation>Vérifie une base sans la modifier : version du schéma, intégrité, clés étrangères. Code de sortie 1 si un problème est trouvé.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Schema version: %1</source>
        <translation>Version du schéma : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (up to date)</source>
        <translation> (à jour)</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (will be upgraded to version %1 when next opened)</source>
        <translation> (sera mise à jour en version %1 à la prochaine ouverture)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Integrity check (quick_check): %1</source>
        <translation>Contrôle d'intégrité (quick_check) : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Foreign keys (foreign_key_check): %1</source>
        <translation>Clés étrangères (foreign_key_check) : %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database “%1” is damaged. Restore a backup (File → Restore a backup).</source>
        <translation>La base « %1 » est endommagée. Restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Hash chains: checked once the database is upgraded (open it once with Établi, then run check again).</source>
        <translation>Chaînes d'empreintes : vérifiées une fois la base mise à jour (ouvrez-la une fois avec Établi, puis relancez check).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database has problems.</source>
        <translation>La base présente des problèmes.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>File of the copy (must not exist).</source>
        <translation>Fichier de la copie (ne doit pas exister).</translation>
    </message>
    <message>
        <location line="+72" />
        <source>Give one of --trainee N, --contact N, --staff N or --account LOGIN.</source>
        <translation>Indiquez une seule des options --trainee N, --contact N, --staff N ou --account IDENTIFIANT.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The number must be a positive integer (“%1”).</source>
        <translation>Le numéro doit être un entier positif (« %1 »).</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Rule: anonymise the trainees %1 years after they left, the candidates not admitted %2 months after the decision.</source>
        <translation>Règle : anonymiser les jeunes %1 ans après leur sortie, les candidats non admis %2 mois après la décision.</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliimport.cpp" line="-42" />
        <source>contacts: what to do with a line that looks like a recorded contact: merge (fill its empty fields, add the roles), skip, or create (a second contact).</source>
        <translation>contacts : que faire d'une ligne qui ressemble à un contact enregistré : merge (compléter ses champs vides, ajouter les rôles), skip (l'ignorer) ou create (un second contact).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>contacts: the role of the lines that state none (customer, host, donor, funder, supplier).</source>
        <translation>contacts : le rôle des lignes qui n'en disent aucun (customer, host, donor, funder, supplier).</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The CSV or .xlsx file.</source>
        <translation>Le fichier CSV ou .xlsx.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Imports trainees or contacts from a spreadsheet (.xlsx, or CSV in UTF-8 or Windows-1252, ';' or ','; contacts also from Dolibarr's and Paheko's exports), all in one transaction: a refused line stops everything unless --skip-invalid.</source>
        <translation>Importe des jeunes ou des contacts depuis un tableur (.xlsx, ou CSV en UTF-8 ou Windows-1252, « ; » ou « , » ; les contacts aussi depuis les exports de Dolibarr et de Paheko), en une seule transaction : une ligne refusée arrête tout, sauf avec --skip-invalid.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Usage: etabli-cli import trainees|contacts FILE --user LOGIN</source>
        <translation>Usage : etabli-cli import trainees|contacts FICHIER --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli import framework FILE --certification CODE --user LOGIN</source>
        <translation>       etabli-cli import framework FICHIER --certification CODE --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A framework is the framework of a diploma: give --certification CODE (and only for a framework).</source>
        <translation>Un référentiel est celui d'un diplôme : indiquez --certification CODE (et seulement pour un référentiel).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>--duplicates and --role are for contacts only.</source>
        <translation>--duplicates et --role ne valent que pour les contacts.</translation>
    </message>
    <message>
        <location line="+61" />
        <source>--duplicates is merge, skip or create (“%1”).</source>
        <translation>--duplicates vaut merge, skip ou create (« %1 »).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>--role is one of %1 (“%2”).</source>
        <translation>--role vaut l'un de %1 (« %2 »).</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1 line(s) read (%2, %3): %4 valid, %5 refused, %6 already in the directory.</source>
        <translation>%1 ligne(s) lue(s) (%2, %3) : %4 valable(s), %5 refusée(s), %6 déjà dans le répertoire.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>line %1: looks like “%2” (%3); merging adds: %4</source>
        <translation>ligne %1 : ressemble à « %2 » (%3) ; la fusion ajoute : %4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>same SIRET</source>
        <translation>même SIRET</translation>
    </message>
    <message>
        <location line="+0" />
        <source>same name and postcode</source>
        <translation>même nom et même code postal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n line(s) look like contacts already recorded; nothing was imported. Choose with --duplicates merge (fill their empty fields, add the roles), skip, or create.</source>
        <translation>
            <numerusform>%n ligne ressemble à un contact déjà enregistré ; rien n'a été importé. Choisissez avec --duplicates merge (compléter ses champs vides, ajouter les rôles), skip ou create.</numerusform>
            <numerusform>%n lignes ressemblent à des contacts déjà enregistrés ; rien n'a été importé. Choisissez avec --duplicates merge (compléter leurs champs vides, ajouter les rôles), skip ou create.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 contact(s) created, %2 merged, %3 left as they were.</source>
        <translation>%1 contact(s) créé(s), %2 fusionné(s), %3 laissé(s) tel(s) quel(s).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>“%1” is not a certification of the catalogue (%2).</source>
        <translation>« %1 » n'est pas une certification du catalogue (%2).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The file is refused, nothing was loaded: %1</source>
        <translation>Le fichier est refusé, rien n'a été chargé : %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The framework of %1 is loaded: %2 block(s), %3 competence(s).</source>
        <translation>Le référentiel de %1 est chargé : %2 bloc(s), %3 compétence(s).</translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="+35" />
        <source>File to write (CSV; the production log also as .xlsx).</source>
        <translation>Fichier à écrire (CSV ; le journal d'atelier aussi en .xlsx).</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliarchive.cpp" line="+18" />
        <source>Last month to close, YYYY-MM (default: last month).</source>
        <translation>Dernier mois à clôturer, AAAA-MM (par défaut : le mois dernier).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MONTH</source>
        <translation>MOIS</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Closes the sales month by month up to --until (each December closes its year too): the period's totals and the perpetual grand totals, sealed and chained.</source>
        <translation>Clôture les ventes mois par mois jusqu'à --until (chaque décembre clôture aussi son année) : les totaux de la période et les grands totaux perpétuels, scellés et chaînés.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Usage: etabli-cli close [--until YYYY-MM] --user LOGIN</source>
        <translation>Utilisation : etabli-cli close [--until AAAA-MM] --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+8" />
        <source>“%1” is not a month: write it YYYY-MM, e.g. 2025-12.</source>
        <translation>« %1 » n'est pas un mois : écrivez-le AAAA-MM, par exemple 2025-12.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Closed %1: %2 incl. VAT, %3 received (grand total %4)</source>
        <translation>Clôturé %1 : %2 TTC, %3 encaissés (grand total %4)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The closed civil year to archive.</source>
        <translation>L'année civile clôturée à archiver.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Folder of the archive (new or empty).</source>
        <translation>Dossier de l'archive (nouveau ou vide).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The signing key's file (default: %1).</source>
        <translation>Le fichier de la clé de signature (par défaut : %1).</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliaccounting.cpp" line="+20" />
        <source>File to write (the name the decree gives it when a folder).</source>
        <translation>Fichier à écrire (sous le nom que lui donne l'arrêté si c'est un dossier).</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../src/cli/cliarchive.cpp" line="+1" />
        <location filename="../../src/cli/clicommands.cpp" line="-171" />
        <location line="+172" />
        <location filename="../../src/cli/cliprint.cpp" line="-155" />
        <location filename="../../src/cli/clireports.cpp" line="+9" />
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The year the financial year ends in.</source>
        <translation>L'année où se termine l'exercice.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The accountant's file.</source>
        <translation>Le fichier pour le comptable.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writes the fichier des écritures comptables (FEC, art. A47 A-1 of the LPF) of a financial year: sales, payments, deposits, gifts, subsidies, dues and entries, for the school's accountant.</source>
        <translation>Écrit le fichier des écritures comptables (FEC, art. A47 A-1 du LPF) d'un exercice : ventes, règlements, remises, dons, subventions, cotisations et écritures, pour l'expert-comptable de l'école.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Usage: etabli-cli export fec --year YEAR --out FILE --user LOGIN</source>
        <translation>Usage : etabli-cli export fec --year ANNÉE --out FICHIER --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 entries (%2 lines) of the financial year %3 – %4 written to %5.</source>
        <translation>%1 écritures (%2 lignes) de l'exercice du %3 au %4 écrites dans %5.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This financial year is not closed yet: the file may still change.</source>
        <translation>Cet exercice n'est pas encore clôturé : le fichier peut encore changer.</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliarchive.cpp" line="+7" />
        <source>Writes the archive of a closed year: its invoices, credit notes and tax receipts as PDF, the lines, payments and closings as CSV, and a manifest of SHA-256 signed with the school's Ed25519 key.</source>
        <translation>Écrit l'archive d'une année clôturée : ses factures, avoirs et reçus fiscaux en PDF, les lignes, règlements et clôtures en CSV, et un manifeste des SHA-256 signé avec la clé Ed25519 de l'école.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Usage: etabli-cli archive --year YEAR --out FOLDER --user LOGIN [--key FILE]</source>
        <translation>Utilisation : etabli-cli archive --year ANNÉE --out DOSSIER --user IDENTIFIANT [--key FICHIER]</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Archive of %1 written to %2: %3 invoice(s) and credit note(s), %4 tax receipt(s), %5 payment(s), %6 closing(s).</source>
        <translation>Archive %1 écrite dans %2 : %3 facture(s) et avoir(s), %4 reçu(s) fiscal(aux), %5 règlement(s), %6 clôture(s).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Signed with the key %1.</source>
        <translation>Signée avec la clé %1.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The school's public key (hex, as shown in the settings): the archive must be signed with it.</source>
        <translation>La clé publique de l'école (hexadécimal, telle qu'affichée dans les paramètres) : l'archive doit être signée avec elle.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>HEX</source>
        <translation>HEX</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The archive's folder.</source>
        <translation>Le dossier de l'archive.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Checks an archive written by etabli-cli archive: the manifest's signature, each file's SHA-256, no file added. Exit code 1 when anything differs.</source>
        <translation>Vérifie une archive écrite par etabli-cli archive : la signature du manifeste, le SHA-256 de chaque fichier, aucun fichier ajouté. Code de sortie 1 si quelque chose diffère.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Usage: etabli-cli verify-archive FOLDER [--public-key HEX]</source>
        <translation>Utilisation : etabli-cli verify-archive DOSSIER [--public-key HEX]</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Archive: %1</source>
        <translation>Archive : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed by the key: %1</source>
        <translation>Signée par la clé : %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>PROBLEM: %1</source>
        <translation>PROBLÈME : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The archive does not match its signed manifest.</source>
        <translation>L'archive ne correspond pas à son manifeste signé.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Intact: the signature and the %n file(s) match.</source>
        <translation>
            <numerusform>Intacte : la signature et le fichier correspondent.</numerusform>
            <numerusform>Intacte : la signature et les %n fichiers correspondent.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/cli/clisupport.cpp" line="-1" />
        <source>Account to act as (password from ETABLI_PASSWORD or asked).</source>
        <translation>Compte utilisé (mot de passe dans ETABLI_PASSWORD ou demandé).</translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="-572" />
        <source>  export production      writes the production log as CSV (--from, --to, --section)</source>
        <translation>  export production      écrit le journal d'atelier en CSV (--from, --to, --section)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>  print invoice NUMBER   writes an invoice or a credit note as PDF (--out FILE.pdf)</source>
        <translation>  print invoice NUMÉRO   écrit une facture ou un avoir en PDF (--out FICHIER.pdf)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>  list invoices|quotes|orders|trainees|contacts|gifts|production [--search T] [--unpaid] [--after KEY] [--limit N] [--format csv|json]   a page of a list, as its page shows it</source>
        <translation>  list invoices|quotes|orders|trainees|contacts|gifts|production [--search T] [--unpaid] [--after CLÉ] [--limit N] [--format csv|json]   une page d'une liste, comme sa page l'affiche</translation>
    </message>
    <message>
        <location line="+84" />
        <source>A workshop of the school (repeat it for each: --section Mécanique --section Menuiserie); more can be added in the settings.</source>
        <translation>Un atelier de l'école (à répéter pour chacun : --section Mécanique --section Menuiserie) ; d'autres s'ajoutent dans les paramètres.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Creates an empty database for a school, with its workshops.</source>
        <translation>Crée une base vide pour une école, avec ses ateliers.</translation>
    </message>
    <message>
        <location line="+293" />
        <source>Writes a consistent, verified copy of a database, even while it is in use.</source>
        <translation>Écrit une copie cohérente et vérifiée d'une base, même en cours d'utilisation.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Give the file of the copy with --out FILE.</source>
        <translation>Indiquez le fichier de la copie avec --out FICHIER.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The file “%1” already exists: it was not replaced.</source>
        <translation>Le fichier « %1 » existe déjà : il n'a pas été remplacé.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Verified copy written to %1</source>
        <translation>Copie vérifiée écrite dans %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Number of the trainee.</source>
        <translation>Numéro du jeune.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Number of the contact of the directory (customer, donor…).</source>
        <translation>Numéro du contact de l'annuaire (client, donateur…).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number of the staff member or volunteer.</source>
        <translation>Numéro du membre de l'équipe ou du bénévole.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Login of the user account.</source>
        <translation>Identifiant du compte utilisateur.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Folder where the two files are written.</source>
        <translation>Dossier où écrire les deux fichiers.</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliarchive.cpp" line="-87" />
        <location filename="../../src/cli/clicommands.cpp" line="+0" />
        <location filename="../../src/cli/cliprint.cpp" line="+151" />
        <source>FOLDER</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="+5" />
        <source>Writes everything Établi holds about one person (GDPR right of access): a JSON file and a readable HTML page.</source>
        <translation>Écrit tout ce qu'Établi détient sur une personne (droit d'accès du RGPD) : un fichier JSON et une page HTML lisible.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Give the account to act as with --user LOGIN and the folder with --out FOLDER.</source>
        <translation>Indiquez le compte utilisé avec --user IDENTIFIANT et le dossier avec --out DOSSIER.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Anonymise the trainees listed (otherwise only list).</source>
        <translation>Anonymiser les jeunes listés (sinon, seulement lister).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Lists the trainees whose retention time is over; with --apply, anonymises them (names, address, day and month of birth) and records it in the log of changes.</source>
        <translation>Liste les jeunes dont la durée de conservation est passée ; avec --apply, les anonymise (noms, adresse, jour et mois de naissance) et l'inscrit au journal des modifications.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>left on %1</source>
        <translation>sorti(e) le %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not admitted on %1</source>
        <translation>non admis(e) le %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n trainee(s) concerned.</source>
        <translation>
            <numerusform>%n jeune concerné.</numerusform>
            <numerusform>%n jeunes concernés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing was changed. Run again with --apply to anonymise them.</source>
        <translation>Rien n'a été modifié. Relancez avec --apply pour les anonymiser.</translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>%n record(s) anonymised.</source>
        <translation>
            <numerusform>%n dossier anonymisé.</numerusform>
            <numerusform>%n dossiers anonymisés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/cli/cliimport.cpp" line="-218" />
        <source>Leave the refused lines out and import the others.</source>
        <translation>Laisser de côté les lignes refusées et importer les autres.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>framework: the diploma whose framework the file is (its code, e.g. "CAP MV").</source>
        <translation>framework : le diplôme dont le fichier est le référentiel (son code, par ex. « CAP MV »).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>What to import: trainees, contacts or framework (a diploma's skills).</source>
        <translation>Ce qu'il faut importer : trainees (jeunes), contacts ou framework (le référentiel d'un diplôme).</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Cannot read “%1”.</source>
        <translation>Impossible de lire « %1 ».</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 line(s) read (%2): %3 valid, %4 refused.</source>
        <translation>%1 ligne(s) lue(s) (%2) : %3 valide(s), %4 refusée(s).</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+69" />
        <source>Ignored columns: %1</source>
        <translation>Colonnes ignorées : %1</translation>
    </message>
    <message>
        <location line="-65" />
        <location line="+69" />
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <location line="-64" />
        <location line="+74" />
        <source>Nothing was imported. Correct the file, or use --skip-invalid to import the valid lines.</source>
        <translation>Rien n'a été importé. Corrigez le fichier, ou utilisez --skip-invalid pour importer les lignes valides.</translation>
    </message>
    <message numerus="yes">
        <location line="-68" />
        <source>%n trainee(s) imported.</source>
        <translation>
            <numerusform>%n jeune importé.</numerusform>
            <numerusform>%n jeunes importés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="+12" />
        <source>production: first day (YYYY-MM-DD).</source>
        <translation>production : premier jour (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>production: last day (YYYY-MM-DD).</source>
        <translation>production : dernier jour (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>production: one workshop (name or number).</source>
        <translation>production : un seul atelier (nom ou numéro).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SECTION</source>
        <translation>ATELIER</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What to export: trainees or production.</source>
        <translation>Ce qu'il faut exporter : trainees (les jeunes) ou production (le journal d'atelier).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writes the list of trainees, or the production log, as CSV (';', UTF-8), ready for a spreadsheet.</source>
        <translation>Écrit la liste des jeunes, ou le journal d'atelier, en CSV (« ; », UTF-8), prêt pour un tableur.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>The list of trainees is written as CSV only (a FILE ending in .csv).</source>
        <translation>La liste des jeunes ne s'écrit qu'en CSV (un FICHIER terminé par .csv).</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Production log written to %1</source>
        <translation>Journal d'atelier écrit dans %1</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliprint.cpp" line="-151" />
        <source>PDF file to write.</source>
        <translation>Fichier PDF à écrire.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>invoice (an invoice or a credit note), credit, quote or receipt (a tax receipt), then its number; label then a plate (tyre hotel); tyres then summer, winter, all_season or all.</source>
        <translation>invoice (une facture ou un avoir), credit, quote (un devis) ou receipt (un reçu fiscal), puis son numéro ; label puis une immatriculation (hôtel de pneus) ; tyres puis summer, winter, all_season ou all.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Usage: etabli-cli print invoice|credit|quote|receipt NUMBER --out FILE.pdf --user LOGIN</source>
        <translation>Usage : etabli-cli print invoice|credit|quote|receipt NUMÉRO --out FICHIER.pdf --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="-12" />
        <source>Writes an issued invoice, credit note, a quote, a tyre hotel label or its list as an A4 PDF, as printed.</source>
        <translation>Écrit une facture ou un avoir émis, un devis, une étiquette de l'hôtel de pneus ou sa liste en PDF A4, tel qu'imprimé.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>       etabli-cli print label|deposit PLATE --out FILE.pdf --user LOGIN</source>
        <translation>       etabli-cli print label|deposit IMMATRICULATION --out FICHIER.pdf --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli print tyres summer|winter|all_season|all --out FILE.pdf --user LOGIN</source>
        <translation>       etabli-cli print tyres summer|winter|all_season|all --out FICHIER.pdf --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Unknown season “%1”: summer, winter, all_season or all.</source>
        <translation>Saison inconnue « %1 » : summer, winter, all_season ou all.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Written to %1</source>
        <translation>Écrit dans %1</translation>
    </message>
    <message>
        <location line="+47" />
        <source>No invoice or credit note has the number “%1”.</source>
        <translation>Aucune facture ni aucun avoir n'a le numéro « %1 ».</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 written to %2 as Factur-X (PDF/A-3 with its XML)</source>
        <translation>%1 écrit dans %2 au format Factur-X (PDF/A-3 avec son XML)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Folder to write the files in (new or empty).</source>
        <translation>Dossier où écrire les fichiers (nouveau ou vide).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First day of issue (YYYY-MM-DD).</source>
        <translation>Premier jour d'émission (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last day of issue (YYYY-MM-DD).</source>
        <translation>Dernier jour d'émission (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The electronic invoices.</source>
        <translation>Les factures électroniques.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writes each invoice and credit note issued in a period as Factur-X (PDF/A-3 with its XML), for the school's platform or its accountant.</source>
        <translation>Écrit chaque facture et chaque avoir émis sur une période au format Factur-X (PDF/A-3 avec son XML), pour la plateforme de l'école ou son expert-comptable.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Usage: etabli-cli export facturx --from DATE --to DATE --out FOLDER --user LOGIN</source>
        <translation>Usage : etabli-cli export facturx --from DATE --to DATE --out DOSSIER --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The folder “%1” is not empty: choose a new or empty folder.</source>
        <translation>Le dossier « %1 » n'est pas vide : choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The folder “%1” cannot be created.</source>
        <translation>Le dossier « %1 » ne peut pas être créé.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 of %2 documents written before this one failed:</source>
        <translation>%1 document(s) sur %2 écrit(s) avant que celui-ci n'échoue :</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 invoice(s) and credit note(s) written to %2 as Factur-X.</source>
        <translation>%1 facture(s) et avoir(s) écrit(s) dans %2 au format Factur-X.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 document(s) issued before version 16 of the database written as plain PDFs (their seller was not recorded with them).</source>
        <translation>%1 document(s) émis avant la version 16 de la base écrit(s) en PDF simple (leur vendeur n'était pas enregistré avec eux).</translation>
    </message>
    <message>
        <location line="-134" />
        <location line="+17" />
        <location line="+27" />
        <source>%1 written to %2</source>
        <translation>%1 écrit dans %2</translation>
    </message>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="-52" />
        <source>Usage: etabli-cli export trainees --out FILE --user LOGIN</source>
        <translation>Usage : etabli-cli export trainees --out FICHIER --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli export production --from DATE --to DATE [--section S] --out FILE --user LOGIN</source>
        <translation>        etabli-cli export production --from DATE --to DATE [--section S] --out FICHIER --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+10" />
        <location filename="../../src/cli/cliprint.cpp" line="+35" />
        <source>Give the period as two dates YYYY-MM-DD, the first before the second.</source>
        <translation>Donnez la période en deux dates AAAA-MM-JJ, la première avant la seconde.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>No workshop is called “%1”.</source>
        <translation>Aucun atelier ne s'appelle « %1 ».</translation>
    </message>
    <message>
        <location line="+16" />
        <source>List written to %1</source>
        <translation>Liste écrite dans %1</translation>
    </message>
    <message>
        <location filename="../../src/cli/clireports.cpp" line="-66" />
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Financial year, by the calendar year it starts in (2025).</source>
        <translation>Exercice, désigné par l'année civile où il commence (2025).</translation>
    </message>
    <message>
        <location filename="../../src/cli/cliaccounting.cpp" line="-39" />
        <location filename="../../src/cli/cliarchive.cpp" line="-2" />
        <location filename="../../src/cli/clireports.cpp" line="+0" />
        <source>YEAR</source>
        <translation>ANNÉE</translation>
    </message>
    <message>
        <location filename="../../src/cli/clireports.cpp" line="+1" />
        <source>School year (2013-2014).</source>
        <translation>Année scolaire (2013-2014).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SCHOOL_YEAR</source>
        <translation>ANNÉE_SCOLAIRE</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One section, by its name (default: all).</source>
        <translation>Une section, par son nom (par défaut : toutes).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A subsidy, by its number (repeat it in a pack for several).</source>
        <translation>Une subvention, par son numéro (à répéter dans un pack pour en mettre plusieurs).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+2" />
        <source>ID</source>
        <translation>NUMÉRO</translation>
    </message>
    <message>
        <location line="+2" />
        <source>First day of the sign-in sheets (2026-11-23).</source>
        <translation>Premier jour des feuilles d'émargement (2026-11-23).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last day of the sign-in sheets (default: the first's week).</source>
        <translation>Dernier jour des feuilles d'émargement (par défaut : la semaine du premier).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>indicators, activity, financial, grant, attendance, pack, funding, receipts or booklet.</source>
        <translation>indicators, activity, financial, grant, attendance, pack, funding, receipts ou booklet.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writes a report on the school's data: a school year's indicators, the activity report, the financial report of a financial year, a subsidy's final account, the sign-in sheets of a section, the funder pack that gathers them, the funding split, or a trainee's learning booklet.</source>
        <translation>Écrit un rapport sur les données de l'école : les indicateurs d'une année scolaire, le rapport d'activité, le rapport financier d'un exercice, le compte rendu financier d'une subvention, les feuilles d'émargement d'une section, le pack financeur qui les rassemble, la répartition des financements, ou le livret de suivi d'un jeune.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Usage: etabli-cli report indicators --school-year 2013-2014 [--section NAME] [--format json|csv|pdf|html] --user LOGIN</source>
        <translation>Utilisation : etabli-cli report indicators --school-year 2013-2014 [--section NOM] [--format json|csv|pdf|html] --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>       etabli-cli report activity --school-year 2013-2014 [--section NAME] [--format pdf|html|json]</source>
        <translation>       etabli-cli report activity --school-year 2013-2014 [--section NOM] [--format pdf|html|json]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>       etabli-cli report financial --year 2025 [--format pdf|html|json|csv]</source>
        <translation>       etabli-cli report financial --year 2025 [--format pdf|html|json|csv]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli report grant --grant ID [--format pdf|html]</source>
        <translation>       etabli-cli report grant --grant NUMÉRO [--format pdf|html]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli report attendance --section NAME --from 2026-11-23 [--to 2026-12-18] [--format pdf|html]</source>
        <translation>       etabli-cli report attendance --section NOM --from 2026-11-23 [--to 2026-12-18] [--format pdf|html]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>       etabli-cli report pack --school-year 2025-2026 --year 2025 [--grant ID]… [--format pdf|html|xlsx]</source>
        <translation>       etabli-cli report pack --school-year 2025-2026 --year 2025 [--grant NUMÉRO]… [--format pdf|html|xlsx]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>       etabli-cli report funding --year 2025 [--format json|csv]</source>
        <translation>       etabli-cli report funding --year 2025 [--format json|csv]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli report booklet --trainee ID [--format pdf|html]</source>
        <translation>       etabli-cli report booklet --trainee ID [--format pdf|html]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>       etabli-cli report receipts --year 2025 [--financial-year] [--format json|csv|pdf|html]</source>
        <translation>       etabli-cli report receipts --year 2025 [--financial-year] [--format json|csv|pdf|html]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>       (each with --user LOGIN and --out FILE; a PDF needs --out)</source>
        <translation>       (chacun avec --user IDENTIFIANT et --out FICHIER ; un PDF demande --out)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A PDF is written to a file: give --out FILE.</source>
        <translation>Un PDF s'écrit dans un fichier : indiquez --out FICHIER.</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Warning: %1 — %2</source>
        <translation>Attention : %1 — %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A workbook is written to a file: give --out FILE.xlsx.</source>
        <translation>Un classeur s'écrit dans un fichier : donnez --out FICHIER.xlsx.</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+7" />
        <source>Written: %1</source>
        <translation>Écrit : %1</translation>
    </message>
    <message>
        <location filename="../../src/cli/clilist.cpp" line="-6" />
        <source>Rows whose text contains TEXT.</source>
        <translation>Les lignes dont le texte contient TEXTE.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>invoices: only those still due.</source>
        <translation>factures : seulement celles qui restent dues.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The rows after KEY (printed by the previous page).</source>
        <translation>Les lignes après CLÉ (donnée par la page précédente).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>KEY</source>
        <translation>CLÉ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rows at most (1 to 10000; 100).</source>
        <translation>Lignes au plus (de 1 à 10000 ; 100).</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../src/cli/clireports.cpp" line="-174" />
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+0" />
        <source>csv or json (csv).</source>
        <translation>csv ou json (csv).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The list: invoices, quotes, orders, trainees, contacts, gifts or production.</source>
        <translation>La liste : invoices (factures), quotes (devis), orders (bons de travaux), trainees (jeunes), contacts, gifts (dons) ou production (journal des ateliers).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unknown list “%1”: the lists are %2.</source>
        <translation>Liste inconnue « %1 » : les listes sont %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>--unpaid is for the invoices' list only.</source>
        <translation>--unpaid ne vaut que pour la liste des factures (invoices).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Usage: etabli-cli list invoices|quotes|orders|trainees|contacts|gifts|production [--search TEXT] [--unpaid] [--after KEY] [--limit N] [--format csv|json] --user LOGIN</source>
        <translation>Usage : etabli-cli list invoices|quotes|orders|trainees|contacts|gifts|production [--search TEXT] [--unpaid] [--after CLÉ] [--limit N] [--format csv|json] --user IDENTIFIANT</translation>
    </message>
    <message>
        <location line="-29" />
        <source>Prints a page of a list, as the application's page shows it (same filters, same order, same rights), and the key to continue after it.</source>
        <translation>Affiche une page d'une liste, comme la page de l'application la montre (mêmes filtres, même ordre, mêmes droits), et la clé pour continuer après elle.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The format is csv or json, not “%1”.</source>
        <translation>Le format est csv ou json, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+2" />
        <source>--limit takes a number from 1 to 10000.</source>
        <translation>--limit prend un nombre de 1 à 10000.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is not a key printed by etabli-cli list.</source>
        <translation>« %1 » n'est pas une clé donnée par etabli-cli list.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the account that reads the list with --user LOGIN.</source>
        <translation>Indiquez le compte qui lit la liste avec --user IDENTIFIANT.</translation>
    </message>
    <message>
        <location line="+53" />
        <source>More rows: --after %1</source>
        <translation>Lignes suivantes : --after %1</translation>
    </message>
    <message>
        <location filename="../../src/cli/clireports.cpp" line="-38" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gifts received and receipted</source>
        <translation>Dons reçus ayant donné lieu à reçu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number of gifts</source>
        <translation>Nombre de dons</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Of which receipted after the period</source>
        <translation>Dont reçus délivrés après la période</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipts issued, net of cancellations</source>
        <translation>Reçus délivrés, nets des annulations</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipts cancelled</source>
        <translation>Reçus annulés</translation>
    </message>
    <message>
        <location line="+21" />
        <source>booklet: the trainee, by number.</source>
        <translation>booklet : le jeune, par son numéro.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>receipts: the financial year starting in --year, not the civil year.</source>
        <translation>receipts : l'exercice qui commence en --year, et non l'année civile.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Output format: pdf, html, json or csv (default: json, or pdf for a report that has no json).</source>
        <translation>Format de sortie : pdf, html, json ou csv (par défaut : json, ou pdf pour un rapport qui n'existe pas en json).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>File to write (default: the standard output).</source>
        <translation>Fichier à écrire (par défaut : la sortie standard).</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../src/gui/shell/connectdialog.cpp" line="+37" />
        <source>Connect to the school's server</source>
        <translation>Se connecter au serveur de l'école</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Saved connection:</source>
        <translation>Connexion enregistrée :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>PostgreSQL login:</source>
        <translation>Identifiant PostgreSQL :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remember the password in this computer's keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau de cet ordinateur</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Test the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location line="+36" />
        <source>The connection works. The database is of an older version of Établi: it will be upgraded when the first PC connects with this version (its tables' owner must do it: etabli-cli migrate).</source>
        <translation>La connexion fonctionne. La base est d'une version plus ancienne d'Établi : elle sera mise à jour à la première connexion avec cette version (par le rôle propriétaire de ses tables : etabli-cli migrate).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The connection works: an Établi database, ready.</source>
        <translation>La connexion fonctionne : une base Établi, prête.</translation>
    </message>
</context>
<context>
    <name>ContactImportService</name>
    <message>
        <location filename="../../src/core/services/contactimportservice.cpp" line="+280" />
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+2" />
        <source>legal form</source>
        <translation>forme juridique</translation>
    </message>
    <message>
        <location line="+1" />
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>address line 2</source>
        <translation>complément d'adresse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>postcode</source>
        <translation>code postal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>town</source>
        <translation>ville</translation>
    </message>
    <message>
        <location line="+1" />
        <source>telephone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e-mail</source>
        <translation>courriel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location line="+7" />
        <source>role customer</source>
        <translation>rôle client</translation>
    </message>
    <message>
        <location line="+1" />
        <source>role internship host</source>
        <translation>rôle entreprise d'accueil</translation>
    </message>
    <message>
        <location line="+1" />
        <source>role donor</source>
        <translation>rôle donateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>role funder</source>
        <translation>rôle financeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>role supplier</source>
        <translation>rôle fournisseur</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Dolibarr export</source>
        <translation>export Dolibarr</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Paheko export</source>
        <translation>export Paheko</translation>
    </message>
    <message>
        <location line="+4" />
        <source>spreadsheet</source>
        <translation>tableur</translation>
    </message>
    <message>
        <location line="+63" />
        <source>The file has no name column (“nom”, “raison sociale”, “Nom &amp; prénom”…) on line 1. Columns found: %1.</source>
        <translation>Le fichier n'a pas de colonne de nom (« nom », « raison sociale », « Nom &amp; prénom »…) en ligne 1. Colonnes trouvées : %1.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>a cell looks like a spreadsheet formula (“%1”)</source>
        <translation>une cellule ressemble à une formule de tableur (« %1 »)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>unknown role “%1” (client, donateur, financeur, accueil de stage, fournisseur)</source>
        <translation>rôle inconnu « %1 » (client, donateur, financeur, accueil de stage, fournisseur)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the column %1 says oui or non (“%2”)</source>
        <translation>la colonne %1 dit oui ou non (« %2 »)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>no role (client, donateur…) in its columns</source>
        <translation>aucun rôle (client, donateur…) dans ses colonnes</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the same contact as line %1</source>
        <translation>le même contact qu'en ligne %1</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Line %1: “%2” was added to the directory meanwhile on another computer; nothing was imported. Import the file again to see it as a duplicate.</source>
        <translation>Ligne %1 : « %2 » a été ajouté au répertoire entre-temps sur un autre poste ; rien n'a été importé. Importez de nouveau le fichier pour le voir comme doublon.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Line %1: “%2” was removed from the directory meanwhile; nothing was imported.</source>
        <translation>Ligne %1 : « %2 » a été retiré du répertoire entre-temps ; rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>ContactRepository</name>
    <message>
        <location filename="../../src/core/storage/contactrepository.cpp" line="+169" />
        <source>This contact no longer exists.</source>
        <translation>Ce contact n'existe plus.</translation>
    </message>
    <message>
        <location line="+138" />
        <source>This contact was changed meanwhile on another computer.</source>
        <translation>Ce contact a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+65" />
        <source>No vehicle has the plate “%1”.</source>
        <translation>Aucun véhicule n'a la plaque « %1 ».</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+26" />
        <source>A vehicle with the plate “%1” is already recorded.</source>
        <translation>Un véhicule immatriculé « %1 » est déjà enregistré.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This vehicle was changed meanwhile on another computer.</source>
        <translation>Ce véhicule a été modifié entre-temps sur un autre poste.</translation>
    </message>
</context>
<context>
    <name>ContactService</name>
    <message>
        <location filename="../../src/core/services/contactservice.cpp" line="+15" />
        <source>Your account may not see the contacts.</source>
        <translation>Votre compte ne permet pas de voir les contacts.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Your account may not change the contacts.</source>
        <translation>Votre compte ne permet pas de modifier les contacts.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The last name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>“%1” is not an e-mail address.</source>
        <translation>« %1 » n'est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>“%1” is not a postcode.</source>
        <translation>« %1 » n'est pas un code postal.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>“%1” already has the SIRET %2.</source>
        <translation>« %1 » a déjà le SIRET %2.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>“%1” (%2) is already in the directory.</source>
        <translation>« %1 » (%2) est déjà dans l'annuaire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record this contact all the same?</source>
        <translation>Enregistrer ce contact quand même ?</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <location filename="../../src/core/io/csv.cpp" line="+44" />
        <source>UTF-16: the file is damaged. Save the file as UTF-8 or as Windows CSV.</source>
        <translation>UTF-16 : le fichier est endommagé. Enregistrez le fichier en UTF-8 ou en CSV Windows.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>The file is damaged: it is UTF-8 with invalid characters. Export it again from the spreadsheet.</source>
        <translation>Le fichier est endommagé : c'est de l'UTF-8 avec des caractères invalides. Exportez-le de nouveau depuis le tableur.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The file's encoding is neither UTF-8 nor Windows-1252.</source>
        <translation>L'encodage du fichier n'est ni UTF-8 ni Windows-1252.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The file is too large (20 MB at most).</source>
        <translation>Le fichier est trop gros (20 Mo au plus).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Line %1: the file contains a NUL character; it is not a text file.</source>
        <translation>Ligne %1 : le fichier contient un caractère NUL ; ce n'est pas un fichier texte.</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Line %1: a quote in the middle of a field.</source>
        <translation>Ligne %1 : un guillemet au milieu d'un champ.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Line %1: a field is longer than 1 MB.</source>
        <translation>Ligne %1 : un champ dépasse 1 Mo.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Line %1: a quote is opened and never closed.</source>
        <translation>Ligne %1 : un guillemet est ouvert et jamais fermé.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
</context>
<context>
    <name>DashboardDocument</name>
    <message>
        <location filename="../../src/print/dashboarddocument.cpp" line="+9" />
        <source>Summary</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+13" />
        <source>School year %1 — situation on %2</source>
        <translation>Année scolaire %1 — situation au %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Trainees enrolled</source>
        <translation>Jeunes inscrits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applications pending</source>
        <translation>Candidatures en attente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries this school year</source>
        <translation>Entrées cette année scolaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exits this school year</source>
        <translation>Sorties cette année scolaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active sections</source>
        <translation>Sections actives</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainees trained since the start</source>
        <translation>Jeunes formés depuis l'ouverture</translation>
    </message>
    <message>
        <location line="+2" />
        <source>By section</source>
        <translation>Par section</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applications</source>
        <translation>Candidatures</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../src/core/storage/database.cpp" line="+121" />
        <source>“%1” is a folder, not a database.</source>
        <translation>« %1 » est un dossier, pas une base de données.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database “%1” cannot be found.</source>
        <translation>La base de données « %1 » est introuvable.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The file “%1” already exists: Établi does not overwrite it. Choose another name.</source>
        <translation>Le fichier « %1 » existe déjà : Établi ne l'écrase pas. Choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot create the folder “%1”.</source>
        <translation>Impossible de créer le dossier « %1 ».</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Cannot read the file “%1”.</source>
        <translation>Impossible de lire le fichier « %1 ».</translation>
    </message>
    <message>
        <location line="-27" />
        <source>The file “%1” is empty: it is not an Établi database, or it was damaged. If it is the school's, restore a backup (File → Restore a backup).</source>
        <translation>Le fichier « %1 » est vide : ce n'est pas une base Établi, ou elle a été endommagée. Si c'est celle de l'école, restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+31" />
        <source>The file “%1” is not an Établi database, or it was damaged. If it is the school's, restore a backup (File → Restore a backup).</source>
        <translation>Le fichier « %1 » n'est pas une base Établi, ou elle a été endommagée. Si c'est celle de l'école, restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+392" />
        <source>The database “%1” is read-only: Établi cannot save into it. Copy it to a folder where you can write.</source>
        <translation>La base de données « %1 » est en lecture seule : Établi ne peut pas y enregistrer. Copiez-la dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="-301" />
        <source>The %1 database driver is not installed.</source>
        <translation>Le pilote de base de données %1 n'est pas installé.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The PostgreSQL server asks for the password of “%1”: put it in PGPASSWORD or in a .pgpass file, or type it when Établi asks for it.</source>
        <translation>Le serveur PostgreSQL demande le mot de passe de « %1 » : mettez-le dans PGPASSWORD ou dans un fichier .pgpass, ou tapez-le quand Établi le demande.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The server %1 refuses the password of “%2”. Check it (capital letters included) and try again.</source>
        <translation>Le serveur %1 refuse le mot de passe de « %2 ». Vérifiez-le (majuscules comprises) et réessayez.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No PostgreSQL server answers at %1 (port %2). Check the server's name, that the server is on and PostgreSQL running, and that its firewall lets the port through.</source>
        <translation>Aucun serveur PostgreSQL ne répond à l'adresse %1 (port %2). Vérifiez le nom du serveur, qu'il est allumé et PostgreSQL démarré, et que son pare-feu laisse passer le port.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The server %1 has no database “%2”. Check its name (etabli-cli server init printed it).</source>
        <translation>Le serveur %1 n'a pas de base « %2 ». Vérifiez son nom (etabli-cli server init l'a affiché).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The secure connection to %1 failed: the server does not offer it, or its certificate is not the one given. Check the security setting and the server's certificate.</source>
        <translation>La connexion sécurisée à %1 a échoué : le serveur ne la propose pas, ou son certificat n'est pas celui donné. Vérifiez le réglage de sécurité et le certificat du serveur.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot connect to the PostgreSQL database “%1”. Check the server, the user name and the password.</source>
        <translation>Impossible de se connecter à la base PostgreSQL « %1 ». Vérifiez le serveur, le nom d'utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot open the database “%1”.</source>
        <translation>Impossible d'ouvrir la base de données « %1 ».</translation>
    </message>
    <message>
        <location line="+19" />
        <source>A daily role is for PostgreSQL databases only.</source>
        <translation>Un rôle quotidien n'existe que pour les bases PostgreSQL.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>“%1” is not a PostgreSQL role name (lower-case letters, digits and _).</source>
        <translation>« %1 » n'est pas un nom de rôle PostgreSQL (lettres minuscules, chiffres et _).</translation>
    </message>
    <message>
        <location line="+60" />
        <source>The connection to the database server was lost and cannot be made again yet: the server or the network is still down. Check them, then try again.</source>
        <translation>La connexion au serveur de la base de données a été perdue et ne peut pas encore être rétablie : le serveur ou le réseau est toujours arrêté. Vérifiez-les, puis réessayez.</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Établi cannot follow the other computers' changes.</source>
        <translation>Établi ne peut pas suivre les changements des autres postes.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>“%1” is a database that does not belong to Établi: it was not changed.</source>
        <translation>« %1 » est une base de données qui n'appartient pas à Établi : elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <location line="-279" />
        <location line="+290" />
        <source>The file “%1” is damaged or is not a database. Restore a backup (File → Restore a backup).</source>
        <translation>Le fichier « %1 » est endommagé ou n'est pas une base de données. Restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+42" />
        <source>“%1” already holds an Établi database: it was not changed.</source>
        <translation>« %1 » contient déjà une base Établi : elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is empty: it is not an Établi database.</source>
        <translation>« %1 » est vide : ce n'est pas une base de données Établi.</translation>
    </message>
    <message>
        <location line="-329" />
        <source>The database “%1” is damaged. Restore a backup (File → Restore a backup).</source>
        <translation>La base « %1 » est endommagée. Restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+342" />
        <source>The database “%1” was made by a newer version of Établi (schema %2; this version knows schema %3). Install the latest version of Établi.</source>
        <translation>La base « %1 » a été créée par une version plus récente d'Établi (schéma %2 ; cette version connaît le schéma %3). Installez la dernière version d'Établi.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The database “%1” is locked by another program or computer. Close it, then try again.</source>
        <translation>La base « %1 » est verrouillée par un autre programme ou un autre poste. Fermez-le puis réessayez.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Cannot configure the database “%1”.</source>
        <translation>Impossible de configurer la base « %1 ».</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cannot turn foreign keys on.</source>
        <translation>Impossible d'activer les clés étrangères.</translation>
    </message>
    <message>
        <location line="+74" />
        <location line="+16" />
        <location line="+13" />
        <source>Upgrading the database “%1” (step %2) failed: this step changed nothing.</source>
        <translation>La mise à jour de la base « %1 » (étape %2) a échoué : rien n'a été modifié par cette étape.</translation>
    </message>
    <message>
        <location line="-19" />
        <source>The database “%1” must be upgraded to this version of Établi by the account that owns its tables: run etabli-cli migrate --database … as that account (docs/security.md). Nothing was changed.</source>
        <translation>La base « %1 » doit être mise à jour pour cette version d'Établi par le compte propriétaire de ses tables : lancez etabli-cli migrate --database … avec ce compte (docs/security.md). Rien n'a été modifié.</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../src/gui/shell/databaseactions.cpp" line="+139" />
        <location line="+7" />
        <source>Create my school's database</source>
        <translation>Créer la base de mon école</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Where to keep the database</source>
        <translation>Où enregistrer la base de données</translation>
    </message>
    <message>
        <location line="-90" />
        <source>The PostgreSQL server %1 asks for the password of “%2”:</source>
        <translation>Le serveur PostgreSQL %1 demande le mot de passe de « %2 » :</translation>
    </message>
    <message>
        <location line="+8" />
        <source>PostgreSQL server</source>
        <translation>Serveur PostgreSQL</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+77" />
        <location line="+100" />
        <source>Établi database (*.sqlite)</source>
        <translation>Base Établi (*.sqlite)</translation>
    </message>
    <message>
        <location line="-73" />
        <location line="+13" />
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The director's account</source>
        <translation>Le compte de la direction</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Choose your own password</source>
        <translation>Choisissez votre mot de passe</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+6" />
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Établi database (*.sqlite);;All files (*)</source>
        <translation>Base Établi (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+22" />
        <location line="+8" />
        <location line="+3" />
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A verified copy was saved to %1.</source>
        <translation>Une copie vérifiée a été enregistrée dans %1.</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message numerus="yes">
        <location filename="../../src/core/storage/databasecheck.cpp" line="+37" />
        <source>Log of changes: intact (%n row(s))</source>
        <translation>
            <numerusform>Journal des modifications : intact (%n ligne)</numerusform>
            <numerusform>Journal des modifications : intact (%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Log of changes: ALTERED at row %1 (%2)</source>
        <translation>Journal des modifications : ALTÉRÉ à la ligne %1 (%2)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Invoices and payments: chains intact (%1 document(s), %2 payment(s))</source>
        <translation>Factures et règlements : chaînes intactes (%1 document(s), %2 règlement(s))</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Invoices and payments: ALTERED at %1</source>
        <translation>Factures et règlements : ALTÉRÉES à %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Amounts due: in step with the payments and credit notes (%n invoice(s))</source>
        <translation>
            <numerusform>Sommes dues : conformes aux règlements et aux avoirs (%n facture)</numerusform>
            <numerusform>Sommes dues : conformes aux règlements et aux avoirs (%n factures)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Amounts due: DIFFERENT from the payments and credit notes at %1</source>
        <translation>Sommes dues : DIFFÉRENTES des règlements et avoirs pour %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Tax receipts: chain intact</source>
        <translation>Reçus fiscaux : chaîne intacte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tax receipts: ALTERED at %1</source>
        <translation>Reçus fiscaux : ALTÉRÉS à %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Closings: chain intact (%n closing(s))</source>
        <translation>
            <numerusform>Clôtures : chaîne intacte (%n clôture(s))</numerusform>
            <numerusform>Clôtures : chaîne intacte (%n clôture(s))</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Closings: ALTERED at %1</source>
        <translation>Clôtures : ALTÉRÉES à %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Counters: every chain is whole up to its last number</source>
        <translation>Compteurs : chaque chaîne est entière jusqu'à son dernier numéro</translation>
    </message>
    <message>
        <location line="+2" />
        <source>MISSING: %1</source>
        <translation>MANQUE : %1</translation>
    </message>
</context>
<context>
    <name>DatabaseCopy</name>
    <message>
        <location filename="../../src/core/storage/databasecopy.cpp" line="+122" />
        <source>The database holds a column Établi does not know.</source>
        <translation>La base contient une colonne qu'Établi ne connaît pas.</translation>
    </message>
    <message>
        <location line="+273" />
        <source>The two databases are not of the same version (schema %1 and %2): open the older one with this version of Établi first, then copy again.</source>
        <translation>Les deux bases ne sont pas de la même version (schéma %1 et %2) : ouvrez d'abord la plus ancienne avec cette version d'Établi, puis copiez à nouveau.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The two databases do not have the same tables: the copy was not made.</source>
        <translation>Les deux bases n'ont pas les mêmes tables : la copie n'a pas été faite.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>“%1” already holds a school: Établi copies only into an empty database. Nothing was changed.</source>
        <translation>« %1 » contient déjà une école : Établi ne copie que dans une base vide. Rien n'a été modifié.</translation>
    </message>
    <message>
        <location line="-387" />
        <source>Copy into the server as the role that owns its tables (the owner printed by etabli-cli server init), not as the PCs' daily role. Nothing was changed.</source>
        <translation>Copiez vers le serveur avec le rôle propriétaire de ses tables (celui qu'a affiché etabli-cli server init), pas avec le rôle quotidien des postes. Rien n'a été modifié.</translation>
    </message>
    <message>
        <location line="+305" />
        <source>A school is moved onto a PostgreSQL server, not into a file.</source>
        <translation>Une école se déplace sur un serveur PostgreSQL, pas dans un fichier.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>“%1” already holds a school: Établi copies only into an empty database. Give the database prepared for this school (etabli-cli server init).</source>
        <translation>« %1 » contient déjà une école : Établi ne copie que dans une base vide. Indiquez la base préparée pour cette école (etabli-cli server init).</translation>
    </message>
    <message>
        <location line="+117" />
        <source>The copy differs from the original: it was not kept.</source>
        <translation>La copie diffère de l'original : elle n'a pas été conservée.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The copy fails the database's checks: it was not kept.</source>
        <translation>La copie ne passe pas les vérifications de la base : elle n'a pas été conservée.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The original and the copy are the same database.</source>
        <translation>L'original et la copie sont la même base.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>“%1” was made by an older version of Établi: open it once with this version (or run etabli-cli migrate --database …) to upgrade it, then copy it.</source>
        <translation>« %1 » a été faite par une version plus ancienne d'Établi : ouvrez-la une fois avec cette version (ou lancez etabli-cli migrate --database …) pour la mettre à jour, puis copiez-la.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The file “%1” already exists: Établi does not overwrite it. Choose another name.</source>
        <translation>Le fichier « %1 » existe déjà : Établi ne l'écrase pas. Choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Table %1: missing from the copy.</source>
        <translation>Table %1 : absente de la copie.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Table %1: %2 row(s) in the original, %3 in the copy.</source>
        <translation>Table %1 : %2 ligne(s) dans l'original, %3 dans la copie.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Table %1: the chain does not end on the same link in the copy.</source>
        <translation>Table %1 : la chaîne ne finit pas sur le même maillon dans la copie.</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <location filename="../../src/core/storage/databaselocation.cpp" line="+16" />
        <source>No database was given.</source>
        <translation>Aucune base de données n'est indiquée.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Invalid PostgreSQL address: “%1”. Expected form: postgresql://user@host[:port]/dbname (the password in PGPASSWORD or a .pgpass file).</source>
        <translation>Adresse PostgreSQL invalide : « %1 ». Forme attendue : postgresql://utilisateur@serveur[:port]/base (le mot de passe dans PGPASSWORD ou dans un fichier .pgpass).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Invalid PostgreSQL address: “%1”: Établi knows only sslmode (disable, prefer, require, verify-full) and sslrootcert after the “?”.</source>
        <translation>Adresse PostgreSQL invalide : « %1 » : après le « ? », Établi ne connaît que sslmode (disable, prefer, require, verify-full) et sslrootcert.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>“%1” is neither a file nor a postgresql:// address.</source>
        <translation>« %1 » n'est ni un fichier ni une adresse postgresql://.</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <location filename="../../src/core/services/demogenerator.cpp" line="+69" />
        <source>Unknown scale “%1”: choose “school” or “federation”.</source>
        <translation>Échelle inconnue « %1 » : choisissez « school » ou « federation ».</translation>
    </message>
</context>
<context>
    <name>DepositSlipDocument</name>
    <message>
        <location filename="../../src/print/depositslipdocument.cpp" line="+17" />
        <location line="+36" />
        <source>Cheque deposit slip no. %1</source>
        <translation>Bordereau de remise de chèques n° %1</translation>
    </message>
    <message>
        <location line="-33" />
        <source>Beneficiary: %1</source>
        <translation>Bénéficiaire : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deposited on %1</source>
        <translation>Remis le %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cheque no.</source>
        <translation>N° de chèque</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Drawer</source>
        <translation>Tireur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message numerus="yes">
        <location line="+10" />
        <source>%n cheque(s), total</source>
        <translation>
            <numerusform>%n chèque, total</numerusform>
            <numerusform>%n chèques, total</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signature:</source>
        <translation>Signature :</translation>
    </message>
</context>
<context>
    <name>DirectorDialog</name>
    <message>
        <location filename="../../ui/directordialog.ui" line="+5" />
        <source>Create my school's database</source>
        <translation>Créer la base de mon école</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The director's account can do everything, including creating the other accounts. Keep its password safe: nobody can read it back.</source>
        <translation>Le compte de la direction peut tout faire, y compris créer les autres comptes. Gardez son mot de passe en lieu sûr : personne ne peut le retrouver.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;School name</source>
        <translation>Nom de l'&amp;école</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Director's &amp;full name</source>
        <translation>&amp;Nom complet de la direction</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. direction</source>
        <translation>par exemple direction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>12 characters or more</source>
        <translation>12 caractères ou plus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm the password</source>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
</context>
<context>
    <name>DocumentOutput</name>
    <message>
        <location filename="../../src/gui/common/printpreview.cpp" line="+24" />
        <source>Print preview — %1</source>
        <translation>Aperçu avant impression — %1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Save the electronic invoice (XML)</source>
        <translation>Enregistrer la facture électronique (XML)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>XML files (*.xml)</source>
        <translation>Fichiers XML (*.xml)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Save the accountant's file (FEC)</source>
        <translation>Enregistrer le fichier pour le comptable (FEC)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>PDF written: %1</source>
        <translation>PDF écrit : %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>XML written: %1</source>
        <translation>XML enregistré : %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The accountant's file is written: %1</source>
        <translation>Le fichier pour le comptable est écrit : %1</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <location filename="../../src/print/documentprinter.cpp" line="+56" />
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
</context>
<context>
    <name>DonationService</name>
    <message>
        <location filename="../../src/core/services/donationservice.cpp" line="+27" />
        <source>Choose the donor.</source>
        <translation>Choisissez le donateur.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the day of the gift (not in the future).</source>
        <translation>Indiquez la date du don (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Describe what was given in kind (the amount is its value).</source>
        <translation>Décrivez ce qui a été donné en nature (le montant en est la valeur).</translation>
    </message>
    <message>
        <location line="-12" />
        <source>Choose how the gift was paid.</source>
        <translation>Choisissez le mode de versement du don.</translation>
    </message>
    <message>
        <location line="-5" />
        <source>The amount of a gift must be greater than zero.</source>
        <translation>Le montant d'un don doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the nature and the form of the gift.</source>
        <translation>Choisissez la nature et la forme du don.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Describe the expense the volunteer waives (what, when, for which activity).</source>
        <translation>Décrivez les frais que le bénévole abandonne (quoi, quand, pour quelle activité).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name the securities given (company, number of shares).</source>
        <translation>Désignez les titres donnés (société, nombre d'actions).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Say how the expense was valued (receipts, the tax mileage scale…).</source>
        <translation>Dites comment les frais ont été évalués (justificatifs, barème kilométrique…).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Say how the securities were valued (their price on the day of the gift).</source>
        <translation>Dites comment les titres ont été évalués (leur cours le jour du don).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Say how the gift was valued (invoice, catalogue price, estimate…).</source>
        <translation>Dites comment le don a été évalué (facture, prix catalogue, estimation…).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name the proof kept for the waived expense: the receipts, and the volunteer's written waiver of their reimbursement.</source>
        <translation>Indiquez les justificatifs conservés pour les frais abandonnés : les pièces de dépense, et la renonciation écrite du bénévole à leur remboursement.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Waived expenses are a volunteer's gift: choose the person who incurred them.</source>
        <translation>Un abandon de frais est le don d'un bénévole : choisissez la personne qui les a engagés.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The gift with the reference “%1” is already recorded.</source>
        <translation>Le don de référence « %1 » est déjà enregistré.</translation>
    </message>
    <message>
        <location line="+47" />
        <source>The school may not issue tax receipts: only a body of general interest may, and the settings say it is not one.</source>
        <translation>L'école ne peut pas émettre de reçus fiscaux : seul un organisme d'intérêt général le peut, et les paramètres disent qu'elle n'en est pas un.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the association's object, as its statutes say</source>
        <translation>l'objet de l'association, tel que ses statuts le rédigent</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the name and capacity of the person who signs the receipts</source>
        <translation>le nom et la qualité de la personne qui signe les reçus</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the school's RNA or SIRET number</source>
        <translation>le numéro RNA ou SIRET de l'école</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A tax receipt cannot be issued yet: the settings lack
– %1
Complete them (Settings → School), then issue it again.</source>
        <translation>Le reçu fiscal ne peut pas encore être émis : il manque dans les paramètres
– %1
Complétez-les (Paramètres → École), puis émettez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>The chain of tax receipts is inconsistent: run a check of the database.</source>
        <translation>La chaîne des reçus fiscaux est incohérente : lancez une vérification de la base.</translation>
    </message>
    <message>
        <location line="+48" />
        <source>%1 is not a company: tax receipts are for private persons (Cerfa 11580) and for companies (Cerfa 16216). A public body or an association gets a letter of thanks, not a tax receipt. If it is a company, say so in its card in the directory.</source>
        <translation>%1 n'est pas une entreprise : les reçus fiscaux sont pour les particuliers (Cerfa 11580) et les entreprises (Cerfa 16216). Un organisme public ou une association reçoit une lettre de remerciement, pas un reçu fiscal. Si c'est une entreprise, indiquez-le dans sa fiche de l'annuaire.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>its SIREN (the SIRET's first nine digits)</source>
        <translation>son SIREN (les neuf premiers chiffres du SIRET)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>its legal form (SAS, SARL, SA…)</source>
        <translation>sa forme juridique (SAS, SARL, SA…)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The receipt of a company (Cerfa 16216) names the company's legal form and SIREN; the card of %1 lacks
– %2
Complete it in the directory (Sales and customers → Contacts), then issue the receipt again.</source>
        <translation>Le reçu d'une entreprise (Cerfa 16216) indique sa forme juridique et son SIREN ; il manque à la fiche de %1
– %2
Complétez-la dans l'annuaire (Ventes et clients → Contacts), puis émettez de nouveau le reçu.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>This gift already has the receipt %1.</source>
        <translation>Ce don a déjà le reçu %1.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>%1 has no gift of %2 without a receipt.</source>
        <translation>%1 n'a aucun don de %2 sans reçu.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Say why the receipt is cancelled.</source>
        <translation>Indiquez pourquoi le reçu est annulé.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 is itself a cancellation.</source>
        <translation>%1 est lui-même une annulation.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is already cancelled by %2.</source>
        <translation>%1 est déjà annulé par %2.</translation>
    </message>
</context>
<context>
    <name>EntryMaterialsModel</name>
    <message>
        <location filename="../../src/gui/workshops/productionentrymodels.cpp" line="+161" />
        <source>Material</source>
        <translation>Matière</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit cost (€)</source>
        <translation>Coût unitaire (€)</translation>
    </message>
</context>
<context>
    <name>EntryOutputsModel</name>
    <message>
        <location line="-24" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Description</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
</context>
<context>
    <name>EntryTraineesModel</name>
    <message>
        <location line="-126" />
        <source>Trainee</source>
        <translation>Jeune</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+95" />
        <source>in internship</source>
        <translation>en stage</translation>
    </message>
    <message>
        <location line="+0" />
        <source>absent</source>
        <translation>absent(e)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>absent half a day</source>
        <translation>absent(e) ½ journée</translation>
    </message>
</context>
<context>
    <name>EvaluationService</name>
    <message>
        <location filename="../../src/core/services/evaluationservice.cpp" line="+48" />
        <source>%1 is not in one of your sections: only their own trainers evaluate them.</source>
        <translation>%1 n'est pas dans l'une de vos sections : seuls ses formateurs l'évaluent.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Give the day of the evaluation.</source>
        <translation>Indiquez le jour de l'évaluation.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>An evaluation is of a day that has come: %1 is in the future.</source>
        <translation>Une évaluation porte sur un jour passé : le %1 est dans le futur.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 entered the school on %2: an evaluation cannot be earlier.</source>
        <translation>%1 est entré(e) à l'école le %2 : une évaluation ne peut pas être antérieure.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A comment is 2 000 characters at most.</source>
        <translation>Un commentaire fait 2 000 caractères au plus.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The job n° %1 of the production log is not one of %2's practising this competence.</source>
        <translation>Le travail n° %1 du journal d'atelier n'est pas l'un de ceux où %2 a pratiqué cette compétence.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>This competence is not in the framework any more.</source>
        <translation>Cette compétence n'est plus dans le référentiel.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Access denied: this section's learning is for its own trainers.</source>
        <translation>Accès refusé : le suivi des apprentissages de cette section est réservé à ses formateurs.</translation>
    </message>
</context>
<context>
    <name>FacturX</name>
    <message>
        <location filename="../../src/core/io/facturx.cpp" line="+481" />
        <source>The seller's name is missing (Settings, School): an electronic invoice must name it.</source>
        <translation>Le nom du vendeur manque (Paramètres, École) : une facture électronique doit l'indiquer.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The school's SIRET is missing (Settings, School): an electronic invoice must give it.</source>
        <translation>Le SIRET de l'école manque (Paramètres, École) : une facture électronique doit l'indiquer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The customer's name is missing: an electronic invoice must name the buyer.</source>
        <translation>Le nom du client manque : une facture électronique doit nommer l'acheteur.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The document has no line.</source>
        <translation>Le document n'a aucune ligne.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A line has no label: an electronic invoice names each item.</source>
        <translation>Une ligne n'a pas de désignation : une facture électronique nomme chaque article.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The school's VAT number is missing (Settings, School): an invoice with VAT must give it.</source>
        <translation>Le numéro de TVA de l'école manque (Paramètres, École) : une facture avec TVA doit l'indiquer.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A public body's SIRET is missing: Chorus Pro routes the invoice by it.</source>
        <translation>Le SIRET de l'organisme public manque : Chorus Pro achemine la facture grâce à lui.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Only an issued invoice or credit note has an electronic form.</source>
        <translation>Seule une facture ou un avoir émis a une forme électronique.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The electronic invoice could not be written.</source>
        <translation>La facture électronique n'a pas pu être écrite.</translation>
    </message>
</context>
<context>
    <name>FacturXPdf</name>
    <message>
        <location filename="../../src/print/facturxpdf.cpp" line="+222" />
        <source>The electronic invoice could not be attached to its PDF.</source>
        <translation>La facture électronique n'a pas pu être jointe à son PDF.</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../src/core/io/files.cpp" line="+24" />
        <source>The folder “%1” is read-only (a CD, a USB key locked against writing, a protected folder): “%2” could not be written in it. Choose a folder you may write in.</source>
        <translation>Le dossier « %1 » est en lecture seule (CD, clé USB verrouillée en écriture, dossier protégé) : « %2 » n'a pas pu y être écrit. Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The disk is full: “%1” could not be written. Free some space (or choose another disk), then try again.</source>
        <translation>Le disque est plein : « %1 » n'a pas pu être écrit. Libérez de la place (ou choisissez un autre disque), puis recommencez.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Access to “%1” is refused: choose a folder you may write in.</source>
        <translation>L'accès à « %1 » est refusé : choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>“%1” could not be written: check that the folder exists and that the disk is connected, then try again.</source>
        <translation>« %1 » n'a pas pu être écrit : vérifiez que le dossier existe et que le disque est branché, puis recommencez.</translation>
    </message>
</context>
<context>
    <name>FinancialYearService</name>
    <message>
        <location filename="../../src/core/services/financialyearservice.cpp" line="+30" />
        <source>The financial year from %1 to %2 is closed: nothing dated in it can be added or changed.</source>
        <translation>L'exercice du %1 au %2 est clos : rien de daté dans cet exercice ne peut être ajouté ni modifié.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Give a year between 2000 and 2100.</source>
        <translation>Indiquez une année entre 2000 et 2100.</translation>
    </message>
    <message>
        <location line="+49" />
        <source>The financial year from %1 to %2 would overlap the one from %3 to %4.</source>
        <translation>L'exercice du %1 au %2 chevaucherait celui du %3 au %4.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>A target is a share between 0 and 100 %.</source>
        <translation>Un objectif est une part entre 0 et 100 %.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The targets add up to more than 100 %.</source>
        <translation>Les objectifs dépassent 100 % au total.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This financial year is closed: its targets stay as they were.</source>
        <translation>Cet exercice est clos : ses objectifs restent tels quels.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>This financial year is already closed.</source>
        <translation>Cet exercice est déjà clos.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The financial year ends on %1: it can be closed only after that day.</source>
        <translation>L'exercice se termine le %1 : il ne peut être clos qu'après cette date.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Only the direction may reopen a closed financial year.</source>
        <translation>Seule la direction peut rouvrir un exercice clos.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Say why the financial year is reopened: the log of changes keeps it.</source>
        <translation>Indiquez pourquoi l'exercice est rouvert : le journal des modifications le conserve.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This financial year is not closed.</source>
        <translation>Cet exercice n'est pas clos.</translation>
    </message>
</context>
<context>
    <name>FrameworkService</name>
    <message>
        <location filename="../../src/core/services/frameworkservice.cpp" line="+79" />
        <source>The file has no column %1: a framework is read from the columns bloc;code;compétence;critère.</source>
        <translation>Le fichier n'a pas de colonne %1 : un référentiel se lit dans les colonnes bloc;code;compétence;critère.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>no block</source>
        <translation>pas de bloc</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no competence code</source>
        <translation>pas de code de compétence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no competence</source>
        <translation>pas de compétence</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the code %1 is already the competence of line %2</source>
        <translation>le code %1 est déjà celui de la compétence de la ligne %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the competence %1 again, without a criterion</source>
        <translation>la compétence %1 à nouveau, sans critère</translation>
    </message>
    <message>
        <location line="+29" />
        <source>the criterion “%1” of %2 again</source>
        <translation>le critère « %1 » de %2 à nouveau</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The file holds no competence.</source>
        <translation>Le fichier ne contient aucune compétence.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Each block has a code and a title.</source>
        <translation>Chaque bloc a un code et un intitulé.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The code %1 is given to two blocks: each has its own.</source>
        <translation>Le code %1 est donné à deux blocs : chacun a le sien.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Each competence has a code and a title.</source>
        <translation>Chaque compétence a un code et un intitulé.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The code %1 is given to two competences: each has its own.</source>
        <translation>Le code %1 est donné à deux compétences : chacune a le sien.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The competence %1 (“%2”) is not in the new framework, but evaluations or workshop skills refer to it: keep it in the file, or change its title only.</source>
        <translation>La compétence %1 (« %2 ») n'est plus dans le nouveau référentiel, mais des évaluations ou des savoir-faire d'atelier y renvoient : gardez-la dans le fichier, ou changez seulement son intitulé.</translation>
    </message>
    <message>
        <location line="+68" />
        <source>This competence is not in the framework any more.</source>
        <translation>Cette compétence n'est plus dans le référentiel.</translation>
    </message>
</context>
<context>
    <name>FundingLists</name>
    <message>
        <location filename="../../src/gui/funding/fundinglists.cpp" line="+60" />
        <source>Your account does not allow seeing this list.</source>
        <translation>Votre compte ne permet pas de voir cette liste.</translation>
    </message>
</context>
<context>
    <name>FundingReportService</name>
    <message>
        <location filename="../../src/core/services/fundingreportservice.cpp" line="+246" />
        <source>Type;Category;Forecast (€);Actual (€);Gap (€)</source>
        <translation>Type;Catégorie;Prévu (€);Réalisé (€);Écart (€)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Part;Actual (€);Share (%);Target (%)</source>
        <translation>Part;Réalisé (€);Part (%);Objectif (%)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Gifts</source>
        <translation>Dons</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>FundingRepository</name>
    <message>
        <location filename="../../src/core/storage/fundingrepository.cpp" line="+138" />
        <source>This financial year does not exist.</source>
        <translation>Cet exercice n'existe pas.</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+20" />
        <source>This financial year was changed meanwhile on another computer.</source>
        <translation>Cet exercice a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>This gift does not exist.</source>
        <translation>Ce don n'existe pas.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>A gift of this receipt already has a receipt.</source>
        <translation>Un don de ce reçu a déjà un reçu.</translation>
    </message>
    <message>
        <location line="+157" />
        <source>This tax receipt does not exist.</source>
        <translation>Ce reçu fiscal n'existe pas.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>No tax receipt has the number “%1”.</source>
        <translation>Aucun reçu fiscal ne porte le numéro « %1 ».</translation>
    </message>
</context>
<context>
    <name>HelloAssoImportService</name>
    <message>
        <location filename="../../src/core/services/helloassoimportservice.cpp" line="+117" />
        <source>gift to record</source>
        <translation>don à enregistrer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>already recorded</source>
        <translation>déjà enregistré</translation>
    </message>
    <message>
        <location line="+2" />
        <source>refunded: left out</source>
        <translation>remboursé : laissé de côté</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not paid: left out</source>
        <translation>non payé : laissé de côté</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not a gift: left out</source>
        <translation>pas un don : laissé de côté</translation>
    </message>
    <message>
        <location line="+2" />
        <source>refused</source>
        <translation>refusée</translation>
    </message>
    <message>
        <location line="+46" />
        <source>This is not a HelloAsso payments' export as Établi knows it: the column(s) %1 are missing. Columns found: %2. Export the payments again from HelloAsso (Mes paiements, Exporter), or rename the columns as the user guide says.</source>
        <translation>Ce n'est pas un export des paiements HelloAsso tel qu'Établi le connaît : il manque ces colonnes : %1. Colonnes trouvées : %2. Exportez de nouveau les paiements depuis HelloAsso (Mes paiements, Exporter), ou renommez les colonnes comme le dit le guide.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>no reference</source>
        <translation>pas de référence</translation>
    </message>
    <message>
        <location line="+7" />
        <source>“%1” is not a date</source>
        <translation>« %1 » n'est pas une date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the day %1 is in the future</source>
        <translation>le jour %1 est dans le futur</translation>
    </message>
    <message>
        <location line="+21" />
        <source>a cell looks like a spreadsheet formula (“%1”)</source>
        <translation>une cellule ressemble à une formule de tableur (« %1 »)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>“%1” is not a gift</source>
        <translation>« %1 » n'est pas un don</translation>
    </message>
    <message>
        <location line="+3" />
        <source>status “%1”</source>
        <translation>statut « %1 »</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the same reference as line %1</source>
        <translation>la même référence qu'en ligne %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>gift n°%1</source>
        <translation>don n° %1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>the same donor as line %1</source>
        <translation>le même donateur qu'en ligne %1</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>ImportLines</name>
    <message>
        <location filename="../../src/core/services/importlines.cpp" line="+17" />
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n line(s) refused, nothing was imported:</source>
        <translation>
            <numerusform>%n ligne refusée, rien n'a été importé :</numerusform>
            <numerusform>%n lignes refusées, rien n'a été importé :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorService</name>
    <message>
        <location filename="../../src/core/services/indicatorservice.cpp" line="+88" />
        <location line="+10" />
        <location line="+231" />
        <source>Give the school year as 2013-2014.</source>
        <translation>Indiquez l'année scolaire sous la forme 2013-2014.</translation>
    </message>
    <message>
        <location line="-207" />
        <location line="+84" />
        <source>Entrants</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location line="-83" />
        <location line="+86" />
        <source>Enrolled at some time in the year</source>
        <translation>Inscrits à un moment de l'année</translation>
    </message>
    <message>
        <location line="-85" />
        <location line="+86" />
        <source>Continuing into the next year</source>
        <translation>Poursuivent l'année suivante</translation>
    </message>
    <message>
        <location line="-85" />
        <location line="+86" />
        <source>Exits</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <location line="-85" />
        <location line="+91" />
        <source>Certifications (passed / presented)</source>
        <translation>Certifications (reçus / présentés)</translation>
    </message>
    <message>
        <location line="-90" />
        <location line="+107" />
        <source>Attendance rate</source>
        <translation>Taux de présence</translation>
    </message>
    <message>
        <location line="-106" />
        <location line="+107" />
        <source>Internships (host organisations)</source>
        <translation>Stages (structures d'accueil)</translation>
    </message>
    <message>
        <location line="-105" />
        <location line="+108" />
        <source>Insertion rate (job, apprenticeship or training ÷ known outcomes)</source>
        <translation>Taux d'insertion (emploi, apprentissage ou formation ÷ situations connues)</translation>
    </message>
    <message>
        <location line="-107" />
        <location line="+123" />
        <source>Hours of production (trainees)</source>
        <translation>Heures de production (jeunes)</translation>
    </message>
    <message>
        <location line="-122" />
        <location line="+124" />
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="-123" />
        <location line="+124" />
        <source>Customers invoiced</source>
        <translation>Clients facturés</translation>
    </message>
    <message>
        <location line="-123" />
        <location line="+124" />
        <source>Production sales, excl. VAT</source>
        <translation>Ventes de la production, HT</translation>
    </message>
    <message>
        <location line="-123" />
        <location line="+124" />
        <source>Volunteers (hours given)</source>
        <translation>Bénévoles (heures données)</translation>
    </message>
    <message>
        <location line="-123" />
        <location line="+142" />
        <source>Presence time in the workshop</source>
        <translation>Temps de présence en atelier</translation>
    </message>
    <message>
        <location line="-141" />
        <location line="+144" />
        <source>Trainees per master trainer on a school day</source>
        <translation>Jeunes par maître professionnel un jour d'école</translation>
    </message>
    <message>
        <location line="-143" />
        <location line="+151" />
        <source>Production hours on customers' orders</source>
        <translation>Heures de production sur des commandes de clients</translation>
    </message>
    <message>
        <location line="-84" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>of whom girls</source>
        <translation>dont filles</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Attendance, internships, outcomes</source>
        <translation>Présence, stages, devenir</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Reference: %1 (%2, %3)</source>
        <translation>Référence : %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reference: %1 (not typed yet: “Reference values…”)</source>
        <translation>Référence : %1 (pas encore saisie : « Valeurs de référence… »)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fundamentals (target)</source>
        <translation>Fondamentaux (objectif)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Presence time in the workshop (target %1)</source>
        <translation>Temps de présence en atelier (objectif %1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trainees per master trainer on a school day (target %1 at most)</source>
        <translation>Jeunes par maître professionnel un jour d'école (objectif : %1 au plus)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Production hours on customers' orders (target %1)</source>
        <translation>Heures de production sur des commandes de clients (objectif %1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location line="-173" />
        <source>No section is named “%1”.</source>
        <translation>Aucune section ne s'appelle « %1 ».</translation>
    </message>
    <message>
        <location line="+199" />
        <location line="+11" />
        <source>%1 at least</source>
        <translation>%1 au moins</translation>
    </message>
    <message>
        <location line="-6" />
        <source>%1 (busiest day %2)</source>
        <translation>%1 (jour le plus chargé : %2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 at most</source>
        <translation>%1 au plus</translation>
    </message>
    <message>
        <location line="+17" />
        <source>“%1” is not a school year (e.g. 2013-2014).</source>
        <translation>« %1 » n'est pas une année scolaire (par ex. 2013-2014).</translation>
    </message>
    <message>
        <location line="+202" />
        <source>Exam success rate of the écoles de production (federation)</source>
        <translation>Taux de réussite aux examens des écoles de production (fédération)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Employment rate of apprentices (InserJeunes, national)</source>
        <translation>Taux d'insertion des apprentis (InserJeunes, national)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>A rate is between 0 and 100 %.</source>
        <translation>Un taux est compris entre 0 et 100 %.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Say where the value was published (the source).</source>
        <translation>Indiquez où la valeur a été publiée (la source).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the year the value is for (not in the future).</source>
        <translation>Indiquez l'année de la valeur (pas dans le futur).</translation>
    </message>
</context>
<context>
    <name>InstalmentsModel</name>
    <message>
        <location filename="../../src/gui/funding/instalmentsmodel.cpp" line="+23" />
        <source>Expected on</source>
        <translation>Attendu le</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount expected</source>
        <translation>Montant attendu</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount received</source>
        <translation>Montant reçu</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Instalment %1: write the days as dd/mm/yyyy (15/12/2026).</source>
        <translation>Versement %1 : écrivez les dates en jj/mm/aaaa (15/12/2026).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Instalment %1: %2</source>
        <translation>Versement %1 : %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Instalment %1: give both the day and the amount received, or neither.</source>
        <translation>Versement %1 : indiquez la date et le montant reçus, ou aucun des deux.</translation>
    </message>
</context>
<context>
    <name>InvoiceDocument</name>
    <message>
        <location filename="../../src/print/invoicedocument.cpp" line="+16" />
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 no. %2</source>
        <translation>%1 n° %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 — draft without value</source>
        <translation>%1 — brouillon sans valeur</translation>
    </message>
    <message>
        <location line="+25" />
        <source>DUPLICATA</source>
        <translation>DUPLICATA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due date: %1</source>
        <translation>Échéance : %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Period of service: %1 to %2</source>
        <translation>Période de la prestation : du %1 au %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date of the sale or service: %1</source>
        <translation>Date de la vente ou prestation : %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Credit note on invoice %1</source>
        <translation>Avoir sur la facture %1</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+3" />
        <source>Your reference: %1</source>
        <translation>Votre référence : %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Our reference: %1</source>
        <translation>Notre référence : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nature: %1</source>
        <translation>Nature : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Engagement no.: %1</source>
        <translation>N° d'engagement : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Service code: %1</source>
        <translation>Code service : %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Delivery address: %1</source>
        <translation>Adresse de livraison : %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Total credited</source>
        <translation>Total de l'avoir</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Total to pay</source>
        <translation>Total à payer</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No discount for early payment.</source>
        <translation>Pas d'escompte pour paiement anticipé.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 of %2</source>
        <translation>%1 du %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draft: not an invoice</source>
        <translation>Brouillon : ce n'est pas une facture</translation>
    </message>
</context>
<context>
    <name>InvoiceRepository</name>
    <message>
        <location filename="../../src/core/storage/invoicerepository.cpp" line="+170" />
        <source>This invoice was changed meanwhile on another computer.</source>
        <translation>Cette facture a été modifiée entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>This draft no longer exists.</source>
        <translation>Ce brouillon n'existe plus.</translation>
    </message>
    <message>
        <location filename="../../src/core/storage/invoicepayments.cpp" line="+52" />
        <location filename="../../src/core/storage/invoicerepository.cpp" line="+11" />
        <source>This invoice does not exist.</source>
        <translation>Cette facture n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../src/core/storage/invoicerepository.cpp" line="+142" />
        <source>This invoice was changed or issued meanwhile on another computer.</source>
        <translation>Cette facture a été modifiée ou émise entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location filename="../../src/core/storage/invoicepayments.cpp" line="+149" />
        <source>This payment does not exist.</source>
        <translation>Ce règlement n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../src/core/storage/invoicechecks.cpp" line="+57" />
        <location line="+68" />
        <source>position %1 of the chain of invoices</source>
        <translation>position %1 de la chaîne des factures</translation>
    </message>
    <message>
        <location line="+30" />
        <source>payment n°%1</source>
        <translation>règlement n°%1</translation>
    </message>
</context>
<context>
    <name>InvoiceService</name>
    <message>
        <location filename="../../src/core/services/invoiceservice.cpp" line="+30" />
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To be paid</source>
        <translation>À régler</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Late payment: penalties at three times the legal interest rate, and a fixed indemnity of 40 € for recovery costs (art. L441-10 and D441-5 of the Code de commerce).</source>
        <translation>En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal, et indemnité forfaitaire de 40 € pour frais de recouvrement (art. L441-10 et D441-5 du code de commerce).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Late payment: interest at the European Central Bank's rate plus 8 points, and a fixed indemnity of 40 € for recovery costs (art. R2192-31 and D2192-35 of the Code de la commande publique).</source>
        <translation>Retard de paiement : intérêts moratoires au taux de la Banque centrale européenne majoré de 8 points, et indemnité forfaitaire de 40 € pour frais de recouvrement (art. R2192-31 et D2192-35 du Code de la commande publique).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Sale of goods</source>
        <translation>Livraison de biens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services</source>
        <translation>Prestations de services</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Goods and services</source>
        <translation>Biens et prestations de services</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Option for paying VAT on debits.</source>
        <translation>Option pour le paiement de la taxe d'après les débits.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Payment by bank transfer: IBAN %1.</source>
        <translation>Paiement par virement : IBAN %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment by bank transfer: IBAN %1, BIC %2.</source>
        <translation>Paiement par virement : IBAN %1, BIC %2.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+3" />
        <source>No discount for early payment.</source>
        <translation>Pas d'escompte pour paiement anticipé.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the school's SIRET (Settings)</source>
        <translation>le SIRET de l'école (Paramètres)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the school's address: street, postcode and town (Settings)</source>
        <translation>l'adresse de l'école : rue, code postal et commune (Paramètres)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the school's VAT number, required when subject to VAT (Settings)</source>
        <translation>le numéro de TVA de l'école, obligatoire quand elle est assujettie (Paramètres)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the customer's name</source>
        <translation>le nom du client</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the customer's address: street, postcode and town (Contacts)</source>
        <translation>l'adresse du client : rue, code postal et commune (Contacts)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the customer's SIRET, which gives its SIREN (required for a company or a public body)</source>
        <translation>le SIRET du client, qui donne son SIREN (obligatoire pour une entreprise ou un organisme public)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>why the line “%1” at 0 % is exempt from VAT</source>
        <translation>le motif d'exonération de la ligne « %1 » à 0 %</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Payment by %1, by cheque, transfer or card.</source>
        <translation>Paiement au plus tard le %1, par chèque, virement ou carte.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Choose the customer.</source>
        <translation>Choisissez le client.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Every line needs a description.</source>
        <translation>Chaque ligne demande une désignation.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: the quantity cannot be zero.</source>
        <translation>« %1 » : la quantité ne peut pas être nulle.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>“%1”: a negative quantity is only possible on a credit note.</source>
        <translation>« %1 » : une quantité négative n'est possible que sur un avoir.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: a credit note takes back quantities (negative).</source>
        <translation>« %1 » : un avoir reprend des quantités (négatives).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>“%1”: the amount is too large.</source>
        <translation>« %1 » : le montant est trop grand.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: the unit price cannot be negative.</source>
        <translation>« %1 » : le prix unitaire ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: the VAT rate is between 0 and 100 %.</source>
        <translation>« %1 » : le taux de TVA est compris entre 0 et 100 %.</translation>
    </message>
    <message>
        <location line="+74" />
        <source>The invoice %1 is issued: it cannot be changed any more; correct it with a credit note.</source>
        <translation>La facture %1 est émise : elle ne peut plus être modifiée ; corrigez-la par un avoir.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The invoice %1 is issued: it is kept for ever; cancel it with a credit note.</source>
        <translation>La facture %1 est émise : elle est conservée ; annulez-la par un avoir.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>This invoice is already issued under the number %1.</source>
        <translation>Cette facture est déjà émise sous le numéro %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An invoice needs at least one line.</source>
        <translation>Une facture doit avoir au moins une ligne.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This document cannot be issued yet; it lacks:
– %1
Complete them, then issue it again.</source>
        <translation>Ce document ne peut pas encore être émis ; il manque :
– %1
Complétez, puis émettez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+84" />
        <source>A credit note corrects an issued invoice.</source>
        <translation>Un avoir corrige une facture émise.</translation>
    </message>
    <message>
        <location line="-77" />
        <source>This credit note (%1) is larger than what remains of the invoice %2 (%3).</source>
        <translation>Cet avoir (%1) dépasse ce qui reste de la facture %2 (%3).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>An invoice of 0,00 € is not issued.</source>
        <translation>Une facture de 0,00 € ne s'émet pas.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The due date %1 is past the legal maximum of payment terms (60 days after the invoice, or 45 days end of month: %2 at the latest, art. L441-10 of the Code de commerce). Choose an earlier due date.</source>
        <translation>L'échéance du %1 dépasse le délai de paiement maximal légal (60 jours après la facture, ou 45 jours fin de mois : le %2 au plus tard, art. L441-10 du Code de commerce). Choisissez une échéance plus proche.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The period of the service ends before it starts: check its dates.</source>
        <translation>La période de la prestation finit avant de commencer : vérifiez ses dates.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A document of this series is dated %1, after today: check the computer's date.</source>
        <translation>Un document de cette série est daté du %1, après aujourd'hui : vérifiez la date de l'ordinateur.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The chain of invoices is inconsistent: run a check of the database.</source>
        <translation>La chaîne des factures est incohérente : lancez une vérification de la base.</translation>
    </message>
    <message>
        <location line="+266" />
        <source>The turnover invoiced in %1 (%2, of which %3 of services) passes the thresholds of the franchise en base (%4 for sales, %5 for services; %6). The mention “%7” is no longer true: ask your accountant, choose “Subject to VAT” in the settings and give the school's VAT number.</source>
        <translation>Le chiffre d'affaires facturé en %1 (%2, dont %3 de prestations de services) dépasse les seuils de la franchise en base (%4 pour les ventes, %5 pour les services ; %6). La mention « %7 » n'est plus exacte : consultez votre expert-comptable, choisissez « Assujetti à la TVA » dans les Paramètres et indiquez le numéro de TVA de l'école.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The turnover invoiced in %1 (%2) passes the threshold under which a non-profit association is outside VAT (%3; %4). The mention “%5” is no longer true: ask your accountant, choose “Subject to VAT” in the settings and give the school's VAT number.</source>
        <translation>Le chiffre d'affaires facturé en %1 (%2) dépasse le seuil sous lequel une association sans but lucratif est hors TVA (%3 ; %4). La mention « %5 » n'est plus exacte : consultez votre expert-comptable, choisissez « Assujetti à la TVA » dans les Paramètres et indiquez le numéro de TVA de l'école.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>With this invoice, the turnover invoiced in %1 reaches %2 and passes the threshold of the school's VAT regime: the mention “%3” would no longer be true. Ask your accountant before issuing it.</source>
        <translation>Avec cette facture, le chiffre d'affaires facturé en %1 atteint %2 et dépasse le seuil du régime de TVA de l'école : la mention « %3 » ne serait plus exacte. Consultez votre expert-comptable avant de l'émettre.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>A draft is not printed as an invoice: issue it first.</source>
        <translation>Un brouillon ne s'imprime pas comme une facture : émettez-le d'abord.</translation>
    </message>
    <message>
        <location line="-574" />
        <source>Payment by %1, by cheque, transfer, card or cash.</source>
        <translation>Paiement au plus tard le %1, par chèque, virement, carte ou espèces.</translation>
    </message>
    <message>
        <location line="+47" />
        <source>“%1”: choose the unit.</source>
        <translation>« %1 » : choisissez l’unité.</translation>
    </message>
    <message>
        <location line="+259" />
        <source>The amount of a payment cannot be zero.</source>
        <translation>Le montant d'un règlement ne peut pas être nul.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>To cancel a payment, use “Reverse the payment”.</source>
        <translation>Pour annuler un règlement, utilisez « Contrepasser le règlement ».</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A payment is recorded once received: give its day.</source>
        <translation>Un règlement s'enregistre une fois reçu : indiquez sa date.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the cheque's number (and its bank).</source>
        <translation>Indiquez le numéro du chèque (et sa banque).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>A draft is not paid: issue the invoice first.</source>
        <translation>Un brouillon ne se règle pas : émettez d'abord la facture.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A credit note is not paid: record the payment on the invoice.</source>
        <translation>Un avoir ne se règle pas : enregistrez le règlement sur la facture.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 is more than what remains due on %2 (%3).</source>
        <translation>%1 dépasse ce qui reste dû sur %2 (%3).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>A debt cannot be paid in cash beyond %1 for a payer living in France (%2); %3 already paid in cash on %4. Take the rest by cheque, transfer or card.</source>
        <translation>Une dette ne peut pas être réglée en espèces au-delà de %1 pour un payeur domicilié en France (%2) ; déjà %3 réglés en espèces sur %4. Faites régler le reste par chèque, virement ou carte.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Say why the payment is reversed.</source>
        <translation>Indiquez pourquoi le règlement est contrepassé.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This line already is a reversal.</source>
        <translation>Cette ligne est déjà une contrepassation.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This payment was already reversed.</source>
        <translation>Ce règlement a déjà été contrepassé.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Not yet due</source>
        <translation>À échoir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 to 30 days late</source>
        <translation>1 à 30 jours de retard</translation>
    </message>
    <message>
        <location line="+2" />
        <source>31 to 60 days late</source>
        <translation>31 à 60 jours de retard</translation>
    </message>
    <message>
        <location line="+2" />
        <source>61 to 90 days late</source>
        <translation>61 à 90 jours de retard</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Over 90 days late</source>
        <translation>Plus de 90 jours de retard</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Tick the cheques handed to the bank.</source>
        <translation>Cochez les chèques remis à la banque.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>A cheque of the list is already deposited, reversed, or not a cheque.</source>
        <translation>Un chèque de la liste est déjà remis, contrepassé, ou n'est pas un chèque.</translation>
    </message>
</context>
<context>
    <name>LearningRepository</name>
    <message>
        <location filename="../../src/core/storage/learningrepository.cpp" line="+58" />
        <source>This certification is not in the catalogue any more.</source>
        <translation>Cette certification n'est plus au catalogue.</translation>
    </message>
</context>
<context>
    <name>LedgerRepository</name>
    <message>
        <location filename="../../src/core/storage/ledgerrepository.cpp" line="+49" />
        <source>An account of the chart is missing from the database: run a check.</source>
        <translation>Un compte du plan comptable manque dans la base : lancez une vérification.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>This account was changed meanwhile on another computer. Reload the chart, then make your change again.</source>
        <translation>Ce compte a été modifié entre-temps sur un autre poste. Rechargez le plan comptable, puis refaites votre modification.</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../src/gui/sales/linesmodel.cpp" line="+77" />
        <source>Description</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit price excl. VAT</source>
        <translation>Prix unitaire HT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT %</source>
        <translation>TVA %</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Total excl. VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the VAT rate is a percentage, e.g. 20 or 5,5.</source>
        <translation>le taux de TVA est un pourcentage, par ex. 20 ou 5,5.</translation>
    </message>
</context>
<context>
    <name>ListDocument</name>
    <message numerus="yes">
        <location filename="../../src/print/listdocument.cpp" line="+29" />
        <source>%n row(s), printed on %1.</source>
        <translation>
            <numerusform>%n ligne, imprimée le %1.</numerusform>
            <numerusform>%n lignes, imprimées le %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Printed on %1.</source>
        <translation>Imprimé le %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The filters match %1 rows: only the first %2 are printed; narrow the search to print the others.</source>
        <translation>Les filtres retiennent %1 lignes : seules les %2 premières sont imprimées ; précisez la recherche pour imprimer les autres.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No row matches these filters.</source>
        <translation>Aucune ligne ne correspond à ces filtres.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/logindialog.ui" line="+5" />
        <source>Log in — Établi</source>
        <translation>Connexion — Établi</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../src/core/domain/money.cpp" line="+102" />
        <source>“%1” is not a valid amount (example: 1 234,56).</source>
        <translation>« %1 » n'est pas un montant valide (exemple : 1 234,56).</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The amount is empty.</source>
        <translation>Le montant est vide.</translation>
    </message>
    <message>
        <location line="+44" />
        <location line="+8" />
        <source>The amount “%1” is too large.</source>
        <translation>Le montant « %1 » est trop grand.</translation>
    </message>
</context>
<context>
    <name>MoveToServerDialog</name>
    <message>
        <location filename="../../src/gui/shell/movetoserverdialog.cpp" line="+45" />
        <source>Copying the school onto the server…</source>
        <translation>Copie de l'école sur le serveur…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+29" />
        <location line="+78" />
        <source>Move the school onto the server</source>
        <translation>Déplacer l'école sur le serveur</translation>
    </message>
    <message>
        <location line="-93" />
        <source>Copying the school onto the server… (table %1)</source>
        <translation>Copie de l'école sur le serveur… (table %1)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>&amp;Move the school</source>
        <translation>&amp;Déplacer l'école</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The whole school open on this PC (%1) is copied into the database made ready on the school's server by etabli-cli server init: accounts, history, invoices and their chains, numbering, documents. Give the login that owns that database's tables (not the PCs' daily login). The copy is checked row by row before it is kept; the file is not changed.</source>
        <translation>Toute l'école ouverte sur ce poste (%1) est copiée dans la base préparée sur le serveur de l'école par etabli-cli server init : comptes, historique, factures et leur chaînage, numérotation, documents. Indiquez l'identifiant propriétaire des tables de cette base (pas celui des postes). La copie est vérifiée ligne à ligne avant d'être gardée ; le fichier n'est pas modifié.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Login owning the tables:</source>
        <translation>Identifiant propriétaire :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Test the server</source>
        <translation>&amp;Tester le serveur</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The server is ready: an empty Établi database, and this login owns its tables.</source>
        <translation>Le serveur est prêt : une base Établi vide, dont cet identifiant possède les tables.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server is ready: an empty Établi database, and this login owns its tables. The PCs will connect as “%1”.</source>
        <translation>Le serveur est prêt : une base Établi vide, dont cet identifiant possède les tables. Les postes s'y connecteront en tant que « %1 ».</translation>
    </message>
    <message>
        <location line="+34" />
        <source>The school is on the server %1, in the database “%2”: %3 tables, %4 rows, the same as in the file, checked.

From now on, work on the server: the file %5 is no longer kept up to date (opened again, it says so); keep it as a copy of today, do not change it.

This PC now connects to the server%6.</source>
        <translation>L'école est sur le serveur %1, dans la base « %2 » : %3 tables, %4 lignes, les mêmes que dans le fichier, vérifiées.

Désormais, travaillez sur le serveur : le fichier %5 n'est plus tenu à jour (rouvert, il le dit) ; gardez-le comme copie du jour, sans le modifier.

Ce poste se connecte maintenant au serveur%6.</translation>
    </message>
    <message>
        <location line="+9" />
        <source> with the PCs' login “%1”</source>
        <translation> avec l'identifiant des postes « %1 »</translation>
    </message>
</context>
<context>
    <name>OrderRepository</name>
    <message>
        <location filename="../../src/core/storage/orderrepository.cpp" line="+149" />
        <source>This quote was changed meanwhile on another computer.</source>
        <translation>Ce devis a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+72" />
        <source>This quote does not exist.</source>
        <translation>Ce devis n'existe pas.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>No quote has the number “%1”.</source>
        <translation>Aucun devis ne porte le numéro « %1 ».</translation>
    </message>
    <message>
        <location line="+53" />
        <source>This work order was changed meanwhile on another computer.</source>
        <translation>Ce bon de travaux a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This work order does not exist.</source>
        <translation>Ce bon de travaux n'existe pas.</translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <location filename="../../src/core/services/orderservice.cpp" line="+17" />
        <source>Add at least one line.</source>
        <translation>Ajoutez au moins une ligne.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Every line needs a description.</source>
        <translation>Chaque ligne demande une désignation.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: the quantity must be greater than zero.</source>
        <translation>« %1 » : la quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: the unit price cannot be negative.</source>
        <translation>« %1 » : le prix unitaire ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>“%1”: the amount is too large.</source>
        <translation>« %1 » : le montant est trop grand.</translation>
    </message>
    <message>
        <location line="+44" />
        <location line="+175" />
        <source>Choose the customer.</source>
        <translation>Choisissez le client.</translation>
    </message>
    <message>
        <location line="-161" />
        <location line="+27" />
        <source>A quote is valid until a day after it is made.</source>
        <translation>Un devis est valable jusqu'à une date postérieure à sa date.</translation>
    </message>
    <message>
        <location line="-5" />
        <source>The quote %1 is %2: it is kept as it was.</source>
        <translation>Le devis %1 est %2 : il est conservé tel quel.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>the time of execution of the work (on the quote)</source>
        <translation>le délai d'exécution des travaux (sur le devis)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the consumer mediator (Settings → School)</source>
        <translation>le médiateur de la consommation (Paramètres → L'établissement)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A quote to a private person must tell them, before they agree:
– %1
Complete it, then send the quote.</source>
        <translation>Un devis à un particulier doit lui indiquer, avant son accord :
– %1
Complétez, puis envoyez le devis.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>A quote “%1” cannot become “%2”.</source>
        <translation>Un devis « %1 » ne peut pas devenir « %2 ».</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The quote %1 is %2.</source>
        <translation>Le devis %1 est %2.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The quote %1 has expired: make a new one with today's prices.</source>
        <translation>Le devis %1 a expiré : faites-en un nouveau aux prix du jour.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+52" />
        <source>Choose the workshop that will do the work.</source>
        <translation>Choisissez l'atelier qui fera le travail.</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+7" />
        <source>Your account may not see the work orders.</source>
        <translation>Votre compte ne permet pas de voir les bons de travaux.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The work order %1 is invoiced (%2): it is kept as it was.</source>
        <translation>Le bon de travaux %1 est facturé (%2) : il est conservé tel quel.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Your account may not change the work orders.</source>
        <translation>Votre compte ne permet pas de modifier les bons de travaux.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>A work order “%1” cannot become “%2”.</source>
        <translation>Un bon de travaux « %1 » ne peut pas devenir « %2 ».</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The work order %1 is invoiced: cancel the invoice with a credit note.</source>
        <translation>Le bon de travaux %1 est facturé : annulez la facture par un avoir.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The work order %1 is already invoiced (%2).</source>
        <translation>Le bon de travaux %1 est déjà facturé (%2).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The work order %1 is not done yet: mark it done, then invoice it.</source>
        <translation>Le bon de travaux %1 n'est pas encore terminé : marquez-le terminé, puis facturez-le.</translation>
    </message>
</context>
<context>
    <name>PasswordHasher</name>
    <message>
        <location filename="../../src/core/services/passwordhasher.cpp" line="+53" />
        <source>The password must have at least %1 characters.</source>
        <translation>Le mot de passe doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password cannot be only spaces.</source>
        <translation>Le mot de passe ne peut pas être fait que d'espaces.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The cryptography library could not start.</source>
        <translation>La bibliothèque de chiffrement n'a pas pu démarrer.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Not enough memory to protect the password.</source>
        <translation>Pas assez de mémoire pour protéger le mot de passe.</translation>
    </message>
</context>
<context>
    <name>PersonalDataQueries</name>
    <message>
        <location filename="../../src/core/storage/personaldataqueries.cpp" line="+109" />
        <source>No contact has the number %1.</source>
        <translation>Aucun contact ne porte le numéro %1.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No staff member has the number %1.</source>
        <translation>Aucun membre de l'équipe ne porte le numéro %1.</translation>
    </message>
</context>
<context>
    <name>PersonalDataService</name>
    <message>
        <location filename="../../src/core/services/personaldataservice.cpp" line="+159" />
        <source>%1 %2 — born %3 — %4</source>
        <translation>%1 %2 — né(e) le %3 — %4</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 (volunteer)</source>
        <translation>%1 (bénévole)</translation>
    </message>
    <message>
        <location line="+54" />
        <location line="+25" />
        <location line="+40" />
        <location line="+119" />
        <source>Data held about %1</source>
        <translation>Données détenues sur %1</translation>
    </message>
    <message>
        <location line="-182" />
        <source>contact of the directory</source>
        <translation>contact de l'annuaire</translation>
    </message>
    <message>
        <location line="+25" />
        <source>volunteer</source>
        <translation>bénévole</translation>
    </message>
    <message>
        <location line="+0" />
        <source>staff member</source>
        <translation>membre de l'équipe</translation>
    </message>
    <message>
        <location line="+40" />
        <source>trainee</source>
        <translation>jeune</translation>
    </message>
    <message>
        <location line="+61" />
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <location line="+38" />
        <source>No account has the login “%1”.</source>
        <translation>Aucun compte n'a l'identifiant « %1 ».</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <location line="+4" />
        <source>stored only as an Argon2id hash, not exported</source>
        <translation>conservé seulement sous forme d'empreinte Argon2id, non exporté</translation>
    </message>
    <message>
        <location line="+4" />
        <source>user account</source>
        <translation>compte utilisateur</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Exported on %1 under article 15 of the GDPR (right of access).</source>
        <translation>Exporté le %1 au titre de l'article 15 du RGPD (droit d'accès).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The folder “%1” does not exist.</source>
        <translation>Le dossier « %1 » n'existe pas.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Trainees are anonymised between 1 and 50 years after they left.</source>
        <translation>Les jeunes sont anonymisés entre 1 et 50 ans après leur sortie.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Invoices must be kept at least 10 years (French commercial law), and at most 50.</source>
        <translation>Les factures se conservent au moins 10 ans (code de commerce), et au plus 50.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Candidates not admitted are anonymised between 1 and 120 months after the decision.</source>
        <translation>Les candidats non admis sont anonymisés entre 1 et 120 mois après la décision.</translation>
    </message>
</context>
<context>
    <name>ProductionRepository</name>
    <message>
        <location filename="../../src/core/storage/productionrepository.cpp" line="+251" />
        <source>This entry was changed meanwhile on another computer.</source>
        <translation>Cette entrée a été modifiée entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>This entry of the production log no longer exists.</source>
        <translation>Cette entrée du journal d'atelier n'existe plus.</translation>
    </message>
    <message>
        <location line="+414" />
        <location line="+18" />
        <source>The skill “%1” is already in this workshop's list.</source>
        <translation>La compétence « %1 » figure déjà dans la liste de cet atelier.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This skill no longer exists.</source>
        <translation>Cette compétence n'existe plus.</translation>
    </message>
</context>
<context>
    <name>ProductionService</name>
    <message>
        <location filename="../../src/core/services/productionservice.cpp" line="+70" />
        <source>Only its author (%1) or the direction may change this entry.</source>
        <translation>Seuls son auteur (%1) ou la direction peuvent modifier cette entrée.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This entry is more than %1 days old: only the direction may change it now.</source>
        <translation>Cette entrée date de plus de %1 jours : seule la direction peut encore la modifier.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Give the day of the work.</source>
        <translation>Indiquez le jour du travail.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The %1 is in the future: the log records work already done.</source>
        <translation>Le %1 est dans le futur : le journal enregistre le travail déjà fait.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose the kind of work.</source>
        <translation>Choisissez le type de travail.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tick at least one trainee who worked.</source>
        <translation>Cochez au moins un jeune qui a travaillé.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The reference is 60 characters at most.</source>
        <translation>La référence compte 60 caractères au plus.</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+322" />
        <source>Choose the workshop.</source>
        <translation>Choisissez l'atelier.</translation>
    </message>
    <message>
        <location line="-316" />
        <source>A trainee appears twice on the entry.</source>
        <translation>Un jeune figure deux fois sur l'entrée.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>A trainee of the entry no longer exists.</source>
        <translation>Un jeune de l'entrée n'existe plus.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: the hours must be more than 0 and at most 12 a day.</source>
        <translation>%1 : les heures doivent être supérieures à 0 et ne pas dépasser 12 par jour.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 entered the school on %2, after the %3.</source>
        <translation>%1 est entré(e) à l'école le %2, après le %3.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 has no entry date: complete the record first.</source>
        <translation>%1 n'a pas de date d'entrée : complétez d'abord sa fiche.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 left the school on %2, before the %3.</source>
        <translation>%1 a quitté l'école le %2, avant le %3.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 would have %2 logged on the %3: 12 h a day at most.</source>
        <translation>%1 aurait %2 au journal le %3 : 12 h par jour au plus.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is marked absent on the %2 in the register.</source>
        <translation>%1 est noté(e) absent(e) le %2 dans le registre d'appel.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is marked absent for a half-day on the %2: %3 at most that day.</source>
        <translation>%1 est noté(e) absent(e) une demi-journée le %2 : %3 au plus ce jour-là.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 belongs to another section.</source>
        <translation>%1 appartient à une autre section.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The %1 is a %2.</source>
        <translation>Le %1 est un %2.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The work order %1 is for another workshop.</source>
        <translation>Le bon de travaux %1 concerne un autre atelier.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The work order %1 is closed (cancelled or delivered).</source>
        <translation>Le bon de travaux %1 est clos (annulé ou livré).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>A quantity must be greater than zero.</source>
        <translation>Une quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No item has the code “%1” in this workshop's catalogue.</source>
        <translation>Aucun article n'a le code « %1 » dans le catalogue de cet atelier.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>An output line names an item of another workshop.</source>
        <translation>Une ligne de production désigne un article d'un autre atelier.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>An output line needs a catalogue code or a description.</source>
        <translation>Une ligne de production demande un code du catalogue ou une désignation.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1”: choose the unit.</source>
        <translation>« %1 » : choisissez l’unité.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A material line needs a description.</source>
        <translation>Une ligne de matière demande une désignation.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: a quantity must be greater than zero.</source>
        <translation>%1 : une quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: a cost cannot be negative.</source>
        <translation>%1 : un coût ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: the amount is too large.</source>
        <translation>%1 : le montant est trop grand.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>A skill of the entry is not in this workshop's list.</source>
        <translation>Une compétence de l'entrée n'est pas dans la liste de cet atelier.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Record the entry all the same?</source>
        <translation>Enregistrer l'entrée quand même ?</translation>
    </message>
    <message>
        <location line="+73" />
        <source>Access denied: this workshop is not one of your sections.</source>
        <translation>Accès refusé : cet atelier n'est pas l'une de vos sections.</translation>
    </message>
    <message>
        <location line="+101" />
        <location line="+21" />
        <source>Name the skill.</source>
        <translation>Nommez la compétence.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>This skill no longer exists.</source>
        <translation>Cette compétence n'existe plus.</translation>
    </message>
</context>
<context>
    <name>Quantities</name>
    <message>
        <location filename="../../src/core/domain/production.cpp" line="+46" />
        <source>“%1” is not a valid quantity (example: 2 or 2,5).</source>
        <translation>« %1 » n'est pas une quantité valide (exemple : 2 ou 2,5).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A quantity must be greater than zero.</source>
        <translation>Une quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>“%1” is not a valid duration (examples: 3,5 or 3 h 30 or 45 min).</source>
        <translation>« %1 » n'est pas une durée valide (exemples : 3,5 ou 3 h 30 ou 45 min).</translation>
    </message>
</context>
<context>
    <name>QuoteDocument</name>
    <message>
        <location filename="../../src/print/quotedocument.cpp" line="+17" />
        <source>Quote no. %1</source>
        <translation>Devis n° %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid until: %1</source>
        <translation>Valable jusqu'au : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vehicle: %1</source>
        <translation>Véhicule : %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Free quote, valid until %1. The work is done by the trainees of the school under the supervision of their master trainers.</source>
        <translation>Devis gratuit, valable jusqu'au %1. Les travaux sont réalisés par les jeunes de l'école sous la conduite de leurs maîtres professionnels.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Time of execution: %1.</source>
        <translation>Délai d'exécution : %1.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>For goods sold: the legal guarantee of conformity, two years from delivery (art. L217-3 ff. of the French consumer code), and the guarantee against hidden defects (art. 1641 ff. of the civil code).</source>
        <translation>Pour les biens vendus : garantie légale de conformité de deux ans à compter de la délivrance (art. L217-3 et suivants du Code de la consommation) et garantie des vices cachés (art. 1641 et suivants du Code civil).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>In a dispute not settled with us, you may call on the consumer mediator free of charge: %1 (art. L612-1 of the French consumer code).</source>
        <translation>En cas de litige non résolu avec nous, vous pouvez recourir gratuitement au médiateur de la consommation : %1 (art. L612-1 du Code de la consommation).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Good for agreement (handwritten)</source>
        <translation>Bon pour accord (mention manuscrite)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date and signature:</source>
        <translation>Date et signature :</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 of %2</source>
        <translation>%1 du %2</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <location filename="../../src/print/receiptdocument.cpp" line="+16" />
        <source>Cancellation of a tax receipt no. %1</source>
        <translation>Annulation de reçu fiscal n° %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tax receipt no. %1</source>
        <translation>Reçu fiscal n° %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Receipt for gifts to certain bodies of general interest</source>
        <translation>Reçu au titre des dons à certains organismes d'intérêt général</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Content of Cerfa form no. 16216</source>
        <translation>Reprend le contenu du formulaire Cerfa n° 16216</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Content of Cerfa form no. 11580</source>
        <translation>Reprend le contenu du formulaire Cerfa n° 11580</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Articles 200, 238 bis and 978 of the French general tax code</source>
        <translation>Articles 200, 238 bis et 978 du code général des impôts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receipt for gifts and payments made by companies</source>
        <translation>Reçu des dons et versements effectués par les entreprises</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Under article 238 bis of the French general tax code</source>
        <translation>au titre de l'article 238 bis du code général des impôts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Articles 200 and 978 of the French general tax code</source>
        <translation>Articles 200 et 978 du code général des impôts</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This record cancels the tax receipt no. %1 issued to %2 for %3. Reason: %4.</source>
        <translation>Le présent document annule le reçu fiscal n° %1 délivré à %2 pour %3. Motif : %4.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Object: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose: an école de production, vocational training of young people of 15 to 18 by making real goods for paying customers (%1).</source>
        <translation>Objet : école de production, formation professionnelle de jeunes de 15 à 18 ans par la fabrication de biens et services pour de vrais clients (%1).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>RNA %1</source>
        <translation>RNA %1</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+10" />
        <source>SIREN %1</source>
        <translation>SIREN %1</translation>
    </message>
    <message>
        <location line="-7" />
        <source>☒ Association or foundation of general interest</source>
        <translation>☒ Œuvre ou organisme d'intérêt général</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beneficiary of the gifts</source>
        <translation>Bénéficiaire des versements</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Legal form: %1</source>
        <translation>Forme juridique : %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The beneficiary acknowledges having received, as gifts giving the right to a tax reduction, the sum of:</source>
        <translation>Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d'impôt la somme de :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>In words: %1</source>
        <translation>Somme en toutes lettres : %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Date of the gift</source>
        <translation>Date du versement ou du don</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nature</source>
        <translation>Nature du don</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Form of the gift</source>
        <translation>Forme du don</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Method</source>
        <translation>Mode de versement</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+15" />
        <source>In kind: %1</source>
        <translation>En nature : %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cash (numéraire)</source>
        <translation>Numéraire</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 — expenses incurred by the volunteer, who expressly waives their reimbursement</source>
        <translation>%1 — frais engagés par le bénévole, qui renonce expressément à leur remboursement</translation>
    </message>
    <message>
        <location line="+4" />
        <source>valued: %1</source>
        <translation>valorisation : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>proof kept: %1</source>
        <translation>justificatifs : %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Form of the gift: manual gift (don manuel).</source>
        <translation>Forme du don : don manuel.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gifts</source>
        <translation>Versements</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The beneficiary certifies on honour that the gifts it receives give the right to the tax reduction of article 238 bis of the French general tax code.</source>
        <translation>Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la réduction d'impôt prévue à l'article 238 bis du CGI.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The beneficiary certifies on honour that the gifts it receives give the right to the tax reduction of article 200 of the French general tax code.</source>
        <translation>Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la réduction d'impôt prévue à l'article 200 du CGI.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1, %2</source>
        <translation>%1, le %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Signature:</source>
        <translation>Signature :</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 of %2</source>
        <translation>%1 du %2</translation>
    </message>
</context>
<context>
    <name>ReconciliationService</name>
    <message>
        <location filename="../../src/core/services/reconciliationservice.cpp" line="+140" />
        <source>Invoice %1 — %2, %3 due</source>
        <translation>Facture %1 — %2, reste dû %3</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Deposit slip no. %1 of %2 — %n cheque(s), %3</source>
        <translation>
            <numerusform>Remise n° %1 du %2 — %n chèque, %3</numerusform>
            <numerusform>Remise n° %1 du %2 — %n chèques, %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Gift from %1 of %2 recorded on %3</source>
        <translation>Don de %1 de %2 enregistré le %3</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New gift from %1</source>
        <translation>Nouveau don de %1</translation>
    </message>
    <message>
        <location line="+36" />
        <source>its number in the wording</source>
        <translation>son numéro dans le libellé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the amount due</source>
        <translation>le montant dû</translation>
    </message>
    <message>
        <location line="+2" />
        <source>part of the amount due</source>
        <translation>une partie du montant dû</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the customer named</source>
        <translation>le client nommé</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the amount due, the customer named</source>
        <translation>le montant dû, le client nommé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the amount due only</source>
        <translation>le montant dû seulement</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the slip's total, a deposit of cheques</source>
        <translation>le total de la remise, une remise de chèques</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the slip's total</source>
        <translation>le total de la remise</translation>
    </message>
    <message>
        <location line="+9" />
        <source>the gift's amount, the donor named</source>
        <translation>le montant du don, le donateur nommé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the gift's amount only</source>
        <translation>le montant du don seulement</translation>
    </message>
    <message>
        <location line="+9" />
        <source>a donor named in the wording</source>
        <translation>un donateur nommé dans le libellé</translation>
    </message>
    <message>
        <location line="+96" />
        <source>This line is reconciled already (%1): undo that first.</source>
        <translation>Cette ligne est déjà rapprochée (%1) : annulez d'abord ce rapprochement.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Money taken out of the account is not reconciled here: set the line aside.</source>
        <translation>Les sorties d'argent ne se rapprochent pas ici : mettez la ligne de côté.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Deposit slip no. %1 does not total %2, or is matched already.</source>
        <translation>La remise n° %1 ne totalise pas %2, ou elle est déjà rapprochée.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This gift is of %1, the bank credited %2.</source>
        <translation>Ce don est de %1, la banque a crédité %2.</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Say why the match is undone.</source>
        <translation>Dites pourquoi le rapprochement est annulé.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This line is not matched with anything.</source>
        <translation>Cette ligne n'est rapprochée de rien.</translation>
    </message>
</context>
<context>
    <name>ReferenceValueRepository</name>
    <message>
        <location filename="../../src/core/storage/referencevaluerepository.cpp" line="+41" />
        <source>This reference value was changed meanwhile on another computer.</source>
        <translation>Cette valeur de référence a été modifiée entre-temps sur un autre poste.</translation>
    </message>
</context>
<context>
    <name>ReminderDocument</name>
    <message>
        <location filename="../../src/print/reminderdocument.cpp" line="+34" />
        <source>%1, %2</source>
        <translation>%1, le %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subject: reminder — unpaid invoices</source>
        <translation>Objet : relance — factures impayées</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dear Sir or Madam,</source>
        <translation>Madame, Monsieur,</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unless we are mistaken, the following invoices remain unpaid to this day:</source>
        <translation>Sauf erreur de notre part, les factures suivantes restent impayées à ce jour :</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remaining due</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Total due</source>
        <translation>Total dû</translation>
    </message>
    <message>
        <location line="+2" />
        <source>We would be grateful if you could settle them as soon as possible, by cheque to the order of %1, by transfer, by card or in cash at the school. If your payment has crossed this letter, please disregard it.</source>
        <translation>Nous vous remercions de bien vouloir les régler dans les meilleurs délais, par chèque à l'ordre de %1, par virement, par carte ou en espèces à l'école. Si votre règlement a croisé ce courrier, merci de ne pas tenir compte de cette relance.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Yours faithfully,</source>
        <translation>Veuillez agréer, Madame, Monsieur, nos salutations distinguées.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The management of %1</source>
        <translation>La direction de %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Reminder</source>
        <translation>Relance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reminder of %1</source>
        <translation>Relance du %1</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <location filename="../../src/print/reportbuilder.cpp" line="+207" />
        <source>SIRET %1</source>
        <translation>SIRET %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>RNA %1</source>
        <translation>RNA %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Printed on %1 from the school's records</source>
        <translation>Édité le %1 à partir des données de l'école</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <location line="+268" />
        <source>Printed on %1</source>
        <translation>Édité le %1</translation>
    </message>
</context>
<context>
    <name>ReportDataService</name>
    <message>
        <location filename="../../src/core/services/reportdataservice.cpp" line="+116" />
        <source>The subsidy “%1” was refused: there is no account to give.</source>
        <translation>La subvention « %1 » a été refusée : il n'y a pas de compte rendu à faire.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The action's budget (forecast and actual) is not entered (the subsidy's “Final account” tab).</source>
        <translation>Le budget de l'action (prévu et réalisé) n'est pas saisi (onglet « Action et budget » de la subvention).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The action's dates, place or number of beneficiaries are not given (the subsidy's “Final account” tab).</source>
        <translation>Les dates, le lieu ou le nombre de bénéficiaires de l'action ne sont pas indiqués (onglet « Action et budget » de la subvention).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The funder has not decided yet: the amount granted is unknown.</source>
        <translation>Le financeur n'a pas encore décidé : le montant accordé n'est pas connu.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The deviations from the forecast are not explained yet (the subsidy's “Final account” tab).</source>
        <translation>Les écarts au prévisionnel ne sont pas encore expliqués (onglet « Compte rendu » de la subvention).</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Give the first and the last day of the sheets, in that order.</source>
        <translation>Indiquez le premier et le dernier jour des feuilles, dans cet ordre.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Access denied: this section is not one of yours.</source>
        <translation>Accès refusé : cette section n'est pas l'une des vôtres.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Print at most 26 weeks of sheets at a time.</source>
        <translation>Imprimez au plus 26 semaines de feuilles à la fois.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Access denied: the booklet of a trainee of another section is for their own trainers.</source>
        <translation>Accès refusé : le livret d'un jeune d'une autre section est pour ses propres formateurs.</translation>
    </message>
</context>
<context>
    <name>ReportDocuments</name>
    <message>
        <location filename="../../src/print/reportdocuments.cpp" line="+35" />
        <source>the whole school</source>
        <translation>toute l'école</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Activity report %1</source>
        <translation>Rapport d'activité %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>School year %1, %2: %3 entrants, %4 trainees enrolled at some time in the year, %5 continuing into the next year, %6 exits; attendance rate %7; insertion rate %8.</source>
        <translation>Année scolaire %1, %2 : %3 entrées, %4 jeunes inscrits à un moment de l'année, %5 poursuivant l'année suivante, %6 sorties ; taux de présence %7 ; taux d'insertion %8.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nothing was recorded for this school year: no trainee enrolled, no production logged, no order.</source>
        <translation>Rien n'a été enregistré pour cette année scolaire : aucun jeune inscrit, aucune production, aucune commande.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Highlights</source>
        <translation>Faits marquants</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Difficulties</source>
        <translation>Difficultés</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outlook</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not written yet (Rapports › “Report texts…”).</source>
        <translation>Pas encore rédigé (Rapports › « Textes du rapport… »).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Entrants by section</source>
        <translation>Entrées par section</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+28" />
        <source>trainees</source>
        <translation>jeunes</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Age unknown</source>
        <translation>Âge inconnu</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n year(s) old at entry</source>
        <translation>
            <numerusform>%n an à l'entrée</numerusform>
            <numerusform>%n ans à l'entrée</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Girls</source>
        <translation>Filles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Boys</source>
        <translation>Garçons</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sex not recorded</source>
        <translation>Sexe non renseigné</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Referred by %1</source>
        <translation>Orientés par %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Entrants of %1</source>
        <translation>Entrées de %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Exits by reason</source>
        <translation>Sorties par motif</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No attendance was recorded in the register this school year.</source>
        <translation>Aucune présence n'a été saisie dans le registre cette année scolaire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attendance rate by month</source>
        <translation>Taux de présence par mois</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+132" />
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="-131" />
        <location line="+11" />
        <source>Attendance rate</source>
        <translation>Taux de présence</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What became of the leavers</source>
        <translation>Devenir des sortants</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No outcome is known yet for this year's leavers.</source>
        <translation>Le devenir des sortants de l'année n'est pas encore connu.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>At exit</source>
        <translation>À la sortie</translation>
    </message>
    <message>
        <location line="+0" />
        <source>After 6 months</source>
        <translation>À 6 mois</translation>
    </message>
    <message>
        <location line="+0" />
        <source>After 12 months</source>
        <translation>À 12 mois</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Insertion rate (job, apprenticeship or training ÷ known outcomes, latest known): %1.</source>
        <translation>Taux d'insertion (emploi, apprentissage ou formation ÷ situations connues, la plus récente) : %1.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+87" />
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location line="-85" />
        <source>Hours of production by kind</source>
        <translation>Heures de production par nature</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer orders</source>
        <translation>Commandes de clients</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Exercises</source>
        <translation>Exercices</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Upkeep</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location line="+2" />
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Made in the workshops</source>
        <translation>Réalisé dans les ateliers</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Indicators %1</source>
        <translation>Indicateurs %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>For %1, beside the year before. Every figure is computed from the trainees' records, the register, the workshops' log and the invoices.</source>
        <translation>Pour %1, à côté de l'année précédente. Chaque chiffre est calculé à partir des dossiers des jeunes, du registre de présence, du journal des ateliers et des factures.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+20" />
        <location line="+74" />
        <source>Year before</source>
        <translation>Année précédente</translation>
    </message>
    <message>
        <location line="-88" />
        <source>The fundamentals of an école de production %1</source>
        <translation>Les fondamentaux de l'école de production %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>For %1. An école de production teaches by making real goods for real customers: about two thirds of the young people's time in the workshop, small groups around a master trainer, real orders. The register says which half-days were spent in the workshop and which in class; the workshops' log, what the production hours were spent on.</source>
        <translation>Pour %1. Une école de production forme en faisant de vraies productions pour de vrais clients : environ deux tiers du temps des jeunes en atelier, de petits groupes autour d'un maître professionnel, de vraies commandes. Le registre dit quelles demi-journées ont été passées en atelier et lesquelles en cours ; le journal d'atelier, à quoi les heures de production ont servi.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fundamental</source>
        <translation>Fondamental</translation>
    </message>
    <message>
        <location line="+0" />
        <source>School's target</source>
        <translation>Objectif de l'école</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target met</source>
        <translation>Objectif atteint</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Financial report %1</source>
        <translation>Rapport financier %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Financial year from %1 to %2%3. Resources %4; the school's own production brings %5 of them (self-financing).</source>
        <translation>Exercice du %1 au %2%3. Ressources : %4 ; la production de l'école en apporte %5 (autofinancement).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, closed</source>
        <translation>, clos</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing was recorded for this financial year.</source>
        <translation>Rien n'a été enregistré pour cet exercice.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Where the resources come from</source>
        <translation>Origine des ressources</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+65" />
        <location line="+30" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-95" />
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+13" />
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location line="-12" />
        <source>Sales of the production</source>
        <translation>Ventes de la production</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gifts, sponsorship, apprenticeship tax</source>
        <translation>Dons, mécénat, taxe d'apprentissage</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+7" />
        <location line="+58" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="-64" />
        <source>Other (dues, other income)</source>
        <translation>Autres (cotisations, autres produits)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+31" />
        <location line="+211" />
        <source>Total resources</source>
        <translation>Total des ressources</translation>
    </message>
    <message>
        <location line="-238" />
        <source>Share of the resources against the target</source>
        <translation>Part des ressources face à l'objectif</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+83" />
        <source>Gifts</source>
        <translation>Dons</translation>
    </message>
    <message>
        <location line="-83" />
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+31" />
        <location line="+214" />
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="-238" />
        <source>Forecast and actual by category</source>
        <translation>Prévu et réalisé par poste</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Total expenses</source>
        <translation>Total des charges</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Result (resources − expenses)</source>
        <translation>Résultat (ressources − charges)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Category</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+214" />
        <source>Forecast</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="-214" />
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No forecast budget was entered for this financial year (Financements › Budget).</source>
        <translation>Aucun budget prévisionnel n'a été saisi pour cet exercice (Financements › Budget).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sales of the production by month</source>
        <translation>Ventes de la production par mois</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Production sales excl. VAT by month</source>
        <translation>Ventes de la production HT par mois</translation>
    </message>
    <message>
        <location line="+0" />
        <source>€</source>
        <translation>€</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Invoicing and cash</source>
        <translation>Facturation et encaissements</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Invoiced incl. VAT, net of credit notes</source>
        <translation>Facturé TTC, avoirs déduits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customers' payments received</source>
        <translation>Règlements des clients reçus</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No subsidy was requested for this financial year.</source>
        <translation>Aucune subvention n'a été demandée pour cet exercice.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Funder and programme</source>
        <translation>Financeur et programme</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Remaining</source>
        <translation>Reste à recevoir</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Gifts and tax receipts</source>
        <translation>Dons et reçus fiscaux</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Gifts in money (%n gift(s))</source>
        <translation>
            <numerusform>Dons en numéraire (%n don)</numerusform>
            <numerusform>Dons en numéraire (%n dons)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Contributions in kind</source>
        <translation>Contributions en nature</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shown apart, never mixed with the resources above.</source>
        <translation>Présentées à part, jamais mêlées aux ressources ci-dessus.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contribution</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+78" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="-77" />
        <source>Gifts in kind</source>
        <translation>Dons en nature</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Volunteers' time (%1 h)</source>
        <translation>Temps des bénévoles (%1 h)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Members with their dues paid</source>
        <translation>Adhérents à jour de cotisation</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Final account of the subsidy: %1 — %2</source>
        <translation>Compte rendu financier de la subvention : %1 — %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Laid out like Cerfa form no. 15059 (compte rendu financier de subvention).</source>
        <translation>Présenté comme le formulaire Cerfa n° 15059 (compte rendu financier de subvention).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Missing: %1</source>
        <translation>Manque : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1. Identification</source>
        <translation>1. Identification</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>RNA number</source>
        <translation>Numéro RNA</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Subsidy</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement</source>
        <translation>Convention</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2</source>
        <translation>%1 du %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount requested</source>
        <translation>Montant demandé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount granted</source>
        <translation>Montant accordé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Amount received</source>
        <translation>Montant reçu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location line="+3" />
        <source>2. The action funded</source>
        <translation>2. L'action financée</translation>
    </message>
    <message>
        <location line="+14" />
        <source>3. Budget of the action: forecast and actual</source>
        <translation>3. Budget de l'action : prévu et réalisé</translation>
    </message>
    <message>
        <location line="+103" />
        <source>Budget line</source>
        <translation>Poste budgétaire</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done</source>
        <translation>% réalisé</translation>
    </message>
    <message>
        <location line="+162" />
        <source>Learning booklet — %1</source>
        <translation>Livret de suivi des apprentissages — %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1, %2 workshop, at the school since %3</source>
        <translation>%1, atelier %2, à l'école depuis le %3</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (left on %1)</source>
        <translation> (sorti(e) le %1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Master trainer: %1.</source>
        <translation>Maître professionnel : %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each competence shows its latest evaluation (non abordé, en cours d'acquisition, acquis, maîtrisé) and the real jobs of the workshop's log in which it was practised: their number, those for customers, and the hours.</source>
        <translation>Chaque compétence montre sa dernière évaluation (non abordé, en cours d'acquisition, acquis, maîtrisé) et les travaux réels du journal d'atelier où elle a été pratiquée : leur nombre, ceux pour des clients, et les heures.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Example framework of the demonstration, not the official text of the diploma.</source>
        <translation>Référentiel d'exemple de la démonstration, pas le texte officiel du diplôme.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>not evaluated</source>
        <translation>non évalué</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (%2 customers')</source>
        <translation>%1 (%2 clients)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Competence</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Real jobs</source>
        <translation>Travaux réels</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No skill framework is loaded for the certifications this workshop prepares.</source>
        <translation>Aucun référentiel n'est chargé pour les certifications que prépare cet atelier.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Internships</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No internship recorded.</source>
        <translation>Aucun stage enregistré.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Host</source>
        <translation>Entreprise d'accueil</translation>
    </message>
    <message>
        <location line="+0" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Certifications</source>
        <translation>Certifications</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No certification recorded.</source>
        <translation>Aucune certification enregistrée.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The young person</source>
        <translation>Le jeune</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The master trainer</source>
        <translation>Le maître professionnel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The family</source>
        <translation>La famille</translation>
    </message>
    <message>
        <location line="-315" />
        <source>4. Explanation of the deviations</source>
        <translation>4. Explication des écarts</translation>
    </message>
    <message>
        <location line="-20" />
        <source>The action is not described yet (the subsidy's “Final account” tab).</source>
        <translation>L'action n'est pas encore décrite (onglet « Compte rendu » de la subvention).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The action</source>
        <translation>L'action</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+1" />
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beneficiaries</source>
        <translation>Bénéficiaires</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The action's budget is not entered yet (the subsidy's “Final account” tab). The account reports on the funded action, not on the whole school: nothing is printed in its place.</source>
        <translation>Le budget de l'action n'est pas encore saisi (onglet « Action et budget » de la subvention). Le compte rendu porte sur l'action financée, pas sur toute l'école : rien n'est imprimé à sa place.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Not written yet.</source>
        <translation>Pas encore rédigé.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>5. Indicators</source>
        <translation>5. Indicateurs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No school year is known for this subsidy: the indicators cannot be given.</source>
        <translation>Aucune année scolaire n'est connue pour cette subvention : les indicateurs ne peuvent pas être donnés.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Indicator, school year %1</source>
        <translation>Indicateur, année scolaire %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>6. Certification</source>
        <translation>6. Attestation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>I, the undersigned, legal representative of the association, certify that the information in this account is accurate and that the subsidy was used for the purpose it was granted for.</source>
        <translation>Je soussigné(e), représentant(e) légal(e) de l'association, certifie exactes les informations du présent compte rendu et que la subvention a été utilisée conformément à son objet.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done at %1, on %2.</source>
        <translation>Fait à %1, le %2.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name and capacity</source>
        <translation>Nom et qualité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Direct costs of the action</source>
        <translation>Charges directes de l'action</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Indirect costs allocated to the action</source>
        <translation>Charges indirectes réparties affectées à l'action</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total costs</source>
        <translation>Total des charges</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resources of the action</source>
        <translation>Ressources de l'action</translation>
    </message>
    <message>
        <location line="+3" />
        <source>86 — Uses of voluntary contributions in kind</source>
        <translation>86 — Emplois des contributions volontaires en nature</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total uses in kind</source>
        <translation>Total des emplois en nature</translation>
    </message>
    <message>
        <location line="+1" />
        <source>87 — Voluntary contributions in kind</source>
        <translation>87 — Contributions volontaires en nature</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total contributions in kind</source>
        <translation>Total des contributions en nature</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Total costs, contributions in kind included</source>
        <translation>Total des charges, contributions en nature comprises</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total resources, contributions in kind included</source>
        <translation>Total des ressources, contributions en nature comprises</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Allocation rule of the indirect costs: %1</source>
        <translation>Règle de répartition des charges indirectes : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>none allocated</source>
        <translation>aucune charge indirecte affectée</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Activity report</source>
        <translation>Rapport d'activité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School year %1 — %2</source>
        <translation>Année scolaire %1 — %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Financial report</source>
        <translation>Rapport financier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial year %1</source>
        <translation>Exercice %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Yearly declaration of the gifts that gave rise to tax receipts (art. 222 bis of the French general tax code), %1 from %2 to %3:</source>
        <translation>Déclaration annuelle des dons ayant donné lieu à reçu fiscal (art. 222 bis du CGI), %1 du %2 au %3 :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>financial year</source>
        <translation>exercice</translation>
    </message>
    <message>
        <location line="+0" />
        <source>civil year</source>
        <translation>année civile</translation>
    </message>
    <message>
        <location line="+3" />
        <source>To declare</source>
        <translation>À déclarer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Figure</source>
        <translation>Montant ou nombre</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Gifts received in the period that gave rise to a tax receipt (%n gift(s))</source>
        <translation>
            <numerusform>Dons reçus sur la période ayant donné lieu à un reçu fiscal (%n don)</numerusform>
            <numerusform>Dons reçus sur la période ayant donné lieu à un reçu fiscal (%n dons)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Tax receipts issued in the period, net of cancellations</source>
        <translation>Reçus fiscaux délivrés sur la période, nets des annulations</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Of the gifts, %1 were receipted after the period: they count with the period they were received in.</source>
        <translation>Parmi ces dons, %1 ont reçu leur reçu après la période : ils comptent avec la période où ils ont été reçus.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n receipt(s) issued in the period and cancelled since are not counted.</source>
        <translation>
            <numerusform>%n reçu délivré sur la période et annulé depuis n'est pas compté.</numerusform>
            <numerusform>%n reçus délivrés sur la période et annulés depuis ne sont pas comptés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gifts still without a receipt are not counted: issue the receipts before declaring.</source>
        <translation>Les dons encore sans reçu ne sont pas comptés : délivrez les reçus avant de déclarer.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Gifts and tax receipts: yearly declaration</source>
        <translation>Dons et reçus fiscaux : déclaration annuelle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial year %1 – %2</source>
        <translation>Exercice %1 – %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Civil year %1</source>
        <translation>Année civile %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Final account of a subsidy</source>
        <translation>Compte rendu financier de subvention</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Funder pack</source>
        <translation>Pack financeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School year %1 · financial year %2</source>
        <translation>Année scolaire %1 · exercice %2</translation>
    </message>
    <message>
        <location line="+40" />
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Sign-in sheets — %1</source>
        <translation>Feuilles d'émargement — %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sign-in sheet</source>
        <translation>Feuille d'émargement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, week of %2 to %3</source>
        <translation>%1, semaine du %2 au %3</translation>
    </message>
    <message>
        <location line="-39" />
        <source>Trainee</source>
        <translation>Jeune</translation>
    </message>
    <message>
        <location line="+41" />
        <source>(no trainee enrolled this week)</source>
        <translation>(aucun jeune inscrit cette semaine)</translation>
    </message>
    <message>
        <location line="-22" />
        <source>Trainer (name and signature)</source>
        <translation>Formateur (nom et signature)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Each trainee signs each half-day present; the trainer signs each half-day. The register in Établi remains the reference.</source>
        <translation>Chaque jeune signe chaque demi-journée de présence ; le formateur signe chaque demi-journée. Le registre d'Établi reste la référence.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No week in the period.</source>
        <translation>Aucune semaine dans la période.</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <location filename="../../src/gui/reports/reportjob.cpp" line="+19" />
        <source>No database is open.</source>
        <translation>Aucune base n'est ouverte.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Preparing the report</source>
        <translation>Préparation du rapport</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cancelling after the current step…</source>
        <translation>Annulation après l'étape en cours…</translation>
    </message>
</context>
<context>
    <name>SalesFormats</name>
    <message>
        <location filename="../../src/core/domain/sales.cpp" line="+41" />
        <source>A SIRET number has 14 digits (“%1”).</source>
        <translation>Un numéro SIRET a 14 chiffres (« %1 »).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The SIRET number “%1” is not valid: check the digits (its control key does not match).</source>
        <translation>Le numéro SIRET « %1 » n'est pas valide : vérifiez les chiffres (sa clé de contrôle ne correspond pas).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>“%1” is not a French registration plate.</source>
        <translation>« %1 » n'est pas une immatriculation française.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>“%1” is not a French registration plate (examples: AB-123-CD, or 1234 AB 39 before 2009).</source>
        <translation>« %1 » n'est pas une immatriculation française (exemples : AB-123-CD, ou 1234 AB 39 avant 2009).</translation>
    </message>
    <message>
        <location line="+14" />
        <source>“%1” is not a tyre size (example: 205/55 R16 91V).</source>
        <translation>« %1 » n'est pas une dimension de pneu (exemple : 205/55 R16 91V).</translation>
    </message>
</context>
<context>
    <name>SchoolRepository</name>
    <message>
        <location filename="../../src/core/storage/schoolrepository.cpp" line="+25" />
        <source>The school has not been set up yet.</source>
        <translation>L'établissement n'est pas encore renseigné.</translation>
    </message>
    <message>
        <location line="+104" />
        <source>The school's settings were changed meanwhile on another computer. Reload them, then make your change again.</source>
        <translation>Les paramètres de l'établissement ont été modifiés entre-temps sur un autre poste. Rechargez-les puis refaites votre modification.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>A legal amount is missing from the database: run a check.</source>
        <translation>Un montant légal manque dans la base : lancez une vérification.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>This amount was changed meanwhile on another computer. Reload the settings, then make your change again.</source>
        <translation>Ce montant a été modifié entre-temps sur un autre poste. Rechargez les paramètres, puis refaites votre modification.</translation>
    </message>
</context>
<context>
    <name>SchoolService</name>
    <message>
        <location filename="../../src/core/services/schoolservice.cpp" line="+42" />
        <source>The SIRET must have 14 digits (“%1”).</source>
        <translation>Le SIRET doit compter 14 chiffres (« %1 »).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The SIRET “%1” is not valid (wrong check digit).</source>
        <translation>Le SIRET « %1 » n'est pas valide (clé de contrôle incorrecte).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The RNA number is W followed by 9 digits (“%1”).</source>
        <translation>Le numéro RNA commence par W suivi de 9 chiffres (« %1 »).</translation>
    </message>
    <message>
        <location line="+13" />
        <source>An IBAN is two letters, two digits and the account's number (“%1”).</source>
        <translation>Un IBAN s'écrit avec deux lettres, deux chiffres puis le numéro du compte (« %1 »).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>An IBAN of %1 has %2 characters; “%3” has %4.</source>
        <translation>Un IBAN %1 compte %2 caractères ; « %3 » en compte %4.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The IBAN “%1” is not valid (wrong check digits): copy it again from the bank's statement.</source>
        <translation>L'IBAN « %1 » n'est pas valide (clé de contrôle fausse) : recopiez-le depuis le relevé d'identité bancaire.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>A BIC has 8 or 11 letters and digits, the bank's code and its country's first (“%1”).</source>
        <translation>Un BIC compte 8 ou 11 lettres et chiffres, le code de la banque puis celui de son pays (« %1 »).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The school's name is required.</source>
        <translation>Le nom de l'établissement est obligatoire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The school's name is too long (200 characters at most).</source>
        <translation>Le nom de l'établissement est trop long (200 caractères au plus).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The postcode must have 5 digits (“%1”).</source>
        <translation>Le code postal doit compter 5 chiffres (« %1 »).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The e-mail address “%1” is not valid.</source>
        <translation>L'adresse e-mail « %1 » n'est pas valide.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The first month of the financial year must be between 1 and 12.</source>
        <translation>Le mois de début de l'exercice doit être entre 1 et 12.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The school-year start month must be between 1 and 12.</source>
        <translation>Le mois de rentrée doit être entre 1 et 12.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A French VAT number is FR, a two-character key and the SIREN's 9 digits (“%1”).</source>
        <translation>Un numéro de TVA français s'écrit FR, une clé de deux caractères et les 9 chiffres du SIREN (« %1 »).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Give the IBAN with the BIC: invoices print both.</source>
        <translation>Indiquez l'IBAN avec le BIC : les factures impriment les deux.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The option to pay VAT on debits only exists for a school subject to VAT.</source>
        <translation>L'option pour le paiement de la TVA d'après les débits n'existe que pour une école assujettie à la TVA.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The logo is too large (2 MB at most).</source>
        <translation>Le logo est trop lourd (2 Mo au plus).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No VAT is charged while the civil year's sales stay under the franchise thresholds (below). Invoices say “%1”. Établi warns when the turnover passes a threshold.</source>
        <translation>Aucune TVA n'est facturée tant que le chiffre d'affaires de l'année civile reste sous les seuils de la franchise (ci-dessous). Les factures portent « %1 ». Établi prévient quand le chiffre d'affaires dépasse un seuil.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>VAT is charged on each line at its rate and declared to the tax office. The school's VAT number is required to issue an invoice; a line at 0 % must say why it is exempt.</source>
        <translation>La TVA est facturée sur chaque ligne à son taux et déclarée aux impôts. Le numéro de TVA de l'école est nécessaire pour émettre une facture ; une ligne à 0 % doit indiquer son motif d'exonération.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A non-profit association whose commercial receipts stay under the threshold (below) charges no VAT. Invoices say “%1”. Établi warns when the turnover passes the threshold.</source>
        <translation>Une association sans but lucratif dont les recettes commerciales restent sous le seuil (ci-dessous) ne facture pas de TVA. Les factures portent « %1 ». Établi prévient quand le chiffre d'affaires dépasse le seuil.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>A target share is between 0 and 100 %.</source>
        <translation>Une part visée est comprise entre 0 et 100 %.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The target group per master trainer is between 1 and 100 young people.</source>
        <translation>Le groupe visé par maître professionnel compte de 1 à 100 jeunes.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>“%1”: give an amount above zero.</source>
        <translation>« %1 » : indiquez un montant supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: give the year the amount applies from.</source>
        <translation>« %1 » : indiquez l'année depuis laquelle le montant s'applique.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: say where the amount comes from (the text of law).</source>
        <translation>« %1 » : indiquez d'où vient le montant (le texte de loi).</translation>
    </message>
    <message>
        <location line="+106" />
        <location line="+26" />
        <source>The section's name is required.</source>
        <translation>Le nom de la section est obligatoire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The capacity is between 0 and 500 places.</source>
        <translation>La capacité est comprise entre 0 et 500 places.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A half-day in the workshop lasts between 30 minutes and 8 hours.</source>
        <translation>Une demi-journée d'atelier dure entre 30 minutes et 8 heures.</translation>
    </message>
    <message numerus="yes">
        <location line="+38" />
        <source>This section has trainees (%n): deactivate it instead of deleting it.</source>
        <translation>
            <numerusform>Cette section a des jeunes inscrits (%n jeune(s)) : désactivez-la plutôt que de la supprimer.</numerusform>
            <numerusform>Cette section a des jeunes inscrits (%n jeune(s)) : désactivez-la plutôt que de la supprimer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49" />
        <source>This certification is not in the catalogue.</source>
        <translation>Cette certification n'est pas au catalogue.</translation>
    </message>
</context>
<context>
    <name>SectionRepository</name>
    <message>
        <location filename="../../src/core/storage/sectionrepository.cpp" line="+54" />
        <location line="+26" />
        <source>A section “%1” already exists.</source>
        <translation>Une section « %1 » existe déjà.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The section “%1” was changed meanwhile on another computer. Reload the list.</source>
        <translation>La section « %1 » a été modifiée entre-temps sur un autre poste. Rechargez la liste.</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <location filename="../../src/gui/shell/serverfields.cpp" line="+18" />
        <source>e.g. secretariat or 192.168.1.10</source>
        <translation>par ex. secretariat ou 192.168.1.10</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Database:</source>
        <translation>Base :</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the server's certificate (.crt), for “verified”</source>
        <translation>le certificat du serveur (.crt), pour « vérifié »</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Server's certificate:</source>
        <translation>Certificat du serveur :</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Server's certificate</source>
        <translation>Certificat du serveur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Certificats (*.crt *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Give the server: its name on the network or its address (192.168.1.10).</source>
        <translation>Donnez le serveur : son nom sur le réseau ou son adresse (192.168.1.10).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the database's name (ecole).</source>
        <translation>Donnez le nom de la base (ecole).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the PostgreSQL login.</source>
        <translation>Donnez l'identifiant PostgreSQL.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>To verify the server, give its certificate (the .crt file its administrator gave).</source>
        <translation>Pour vérifier le serveur, donnez son certificat (le fichier .crt remis par son administrateur).</translation>
    </message>
</context>
<context>
    <name>ServerPasswords</name>
    <message>
        <location filename="../../src/gui/common/serverpasswords.cpp" line="+63" />
        <source>This computer has no keychain Établi can use: the password cannot be remembered. Connect without “Remember”: the password will be asked at each start.</source>
        <translation>Cet ordinateur n'a pas de trousseau qu'Établi puisse utiliser : le mot de passe ne peut pas être mémorisé. Connectez-vous sans « Mémoriser » : le mot de passe sera demandé à chaque démarrage.</translation>
    </message>
</context>
<context>
    <name>ServerSetup</name>
    <message>
        <location filename="../../src/core/storage/serversetup.cpp" line="+30" />
        <source>The server refused to %1.</source>
        <translation>Le serveur a refusé de %1.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cannot read the server's databases and roles.</source>
        <translation>Impossible de lire les bases et les rôles du serveur.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>“%1” is not a PostgreSQL name (lower-case letters, digits and _).</source>
        <translation>« %1 » n'est pas un nom PostgreSQL (lettres minuscules, chiffres et _).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The owner and the daily role must be two roles.</source>
        <translation>Le propriétaire et le rôle quotidien doivent être deux rôles différents.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Cannot connect to the server %1 as %2.</source>
        <translation>Impossible de se connecter au serveur %1 en tant que %2.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The server already has a database “%1”: nothing was changed. Choose another name (--dbname), or move a school into it with etabli-cli migrate.</source>
        <translation>Le serveur a déjà une base « %1 » : rien n'a été modifié. Choisissez un autre nom (--dbname), ou déplacez-y une école avec etabli-cli migrate.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The server already has a role “%1”: nothing was changed. Choose other names (--owner, --daily-role).</source>
        <translation>Le serveur a déjà un rôle « %1 » : rien n'a été modifié. Choisissez d'autres noms (--owner, --daily-role).</translation>
    </message>
    <message>
        <location line="+14" />
        <location line="+5" />
        <source>create the role %1</source>
        <translation>créer le rôle %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>create the database %1</source>
        <translation>créer la base %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>close the database to other roles</source>
        <translation>fermer la base aux autres rôles</translation>
    </message>
    <message>
        <location line="+4" />
        <source>open the database to the daily role</source>
        <translation>ouvrir la base au rôle quotidien</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settingspage.ui" line="+8" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The school</source>
        <translation>L'établissement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>School &amp;name</source>
        <translation>&amp;Nom de l'école</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Managing association</source>
        <translation>Association &amp;gestionnaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. ECCOFOR</source>
        <translation>par exemple ECCOFOR</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Address (continued)</source>
        <translation>Adresse (suite)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Postcode</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;City</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;hone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;SIRET</source>
        <translation>&amp;SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>14 digits</source>
        <translation>14 chiffres</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;RNA number</source>
        <translation>Numéro &amp;RNA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W followed by 9 digits</source>
        <translation>W suivi de 9 chiffres</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;IBAN</source>
        <translation>&amp;IBAN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The account customers pay transfers into (printed on invoices)</source>
        <translation>Le compte où les clients paient par virement (imprimé sur les factures)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;BIC</source>
        <translation>&amp;BIC</translation>
    </message>
    <message>
        <location line="+1" />
        <source>8 or 11 characters, on the bank's statement</source>
        <translation>8 ou 11 caractères, sur le relevé d'identité bancaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+4" />
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+9" />
        <source>VAT and documents</source>
        <translation>TVA et documents</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;VAT regime</source>
        <translation>Régime de T&amp;VA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>VAT &amp;number</source>
        <translation>N° de TVA &amp;intracommunautaire</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Mention on invoices</source>
        <translation>&amp;Mention sur les factures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The mention follows the regime chosen above.</source>
        <translation>La mention suit le régime choisi ci-dessus.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Option for paying VAT on &amp;debits (printed on invoices)</source>
        <translation>Option pour le paiement de la TVA d'après les &amp;débits (imprimée sur les factures)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The school may issue &amp;tax receipts for gifts (organisation of general interest)</source>
        <translation>L'école peut délivrer des &amp;reçus fiscaux pour les dons (organisme d'intérêt général)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Statutory &amp;object</source>
        <translation>&amp;Objet statutaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The association's object, as its statutes word it (printed on tax receipts)</source>
        <translation>L'objet de l'association, tel que ses statuts le rédigent (imprimé sur les reçus fiscaux)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipts si&amp;gned by</source>
        <translation>Reçus si&amp;gnés par</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As (ca&amp;pacity)</source>
        <translation>En qualité de (&amp;fonction)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>President, treasurer, director by delegation…</source>
        <translation>Président, trésorier, directrice par délégation…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Consumer media&amp;tor</source>
        <translation>Médiateur de la &amp;consommation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name and website of the mediator the school adheres to (printed on quotes to private persons)</source>
        <translation>Nom et site du médiateur auquel l'école adhère (imprimé sur les devis aux particuliers)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;hart of accounts (file for the accountant)…</source>
        <translation>Plan comptable (fichier po&amp;ur le comptable)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Amounts set by law (thresholds, ceiling)</source>
        <translation>Montants fixés par la loi (seuils, plafond)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>First month of the &amp;financial year</source>
        <translation>Premier mois de l'e&amp;xercice comptable</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;School year starts in</source>
        <translation>&amp;Rentrée scolaire en</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sections and workshops</source>
        <translation>Sections et ateliers</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A&amp;dd…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rena&amp;me…</source>
        <translation>Reno&amp;mmer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Certificat&amp;ions prepared…</source>
        <translation>Certifications &amp;préparées…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deac&amp;tivate</source>
        <translation>Désac&amp;tiver</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dele&amp;te</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This computer</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lock the session &amp;after</source>
        <translation>&amp;Verrouiller la session après</translation>
    </message>
    <message>
        <location line="+1" />
        <source> min without activity</source>
        <translation> min sans activité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep &amp;automatic backups when closing (7 days and 4 weeks)</source>
        <translation>Garder des sauvegardes &amp;automatiques à la fermeture (7 jours et 4 semaines)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Undo changes</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>SetupService</name>
    <message>
        <location filename="../../src/core/services/userservice.cpp" line="+214" />
        <source>The workshop « %1 » is given twice.</source>
        <translation>L'atelier « %1 » est donné deux fois.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>This database already has accounts: ask the direction to create yours.</source>
        <translation>Cette base a déjà des comptes : demandez à la direction de créer le vôtre.</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../src/core/io/sheetreader.cpp" line="+21" />
        <source>The workbook cannot be read (%1). Open it in the spreadsheet program and save it again as .xlsx or as CSV.</source>
        <translation>Le classeur ne peut pas être lu (%1). Ouvrez-le dans le tableur et enregistrez-le de nouveau en .xlsx ou en CSV.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>no sheet</source>
        <translation>aucune feuille</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the first sheet is missing</source>
        <translation>la première feuille manque</translation>
    </message>
    <message>
        <location line="+135" />
        <source>it is a ZIP file, but not an Excel workbook</source>
        <translation>c'est un fichier ZIP, mais pas un classeur Excel</translation>
    </message>
    <message>
        <location line="+53" />
        <source>the cell %1 points to no text</source>
        <translation>la cellule %1 renvoie à un texte absent</translation>
    </message>
    <message>
        <location line="+16" />
        <source>the cell reference “%1” is not valid</source>
        <translation>la référence de cellule « %1 » n'est pas valable</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The first sheet of the workbook is empty.</source>
        <translation>La première feuille du classeur est vide.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>This is an OpenDocument sheet (.ods). In LibreOffice, choose File, Save a copy, and the format Excel 2007-365 (.xlsx) or CSV, then import that file.</source>
        <translation>C'est une feuille OpenDocument (.ods). Dans LibreOffice, choisissez Fichier, Enregistrer une copie, et le format Excel 2007-365 (.xlsx) ou CSV, puis importez ce fichier.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This is an old Excel workbook (.xls), or a workbook protected by a password. Save it without a password as Excel workbook (.xlsx) or as CSV, then import that file.</source>
        <translation>C'est un ancien classeur Excel (.xls), ou un classeur protégé par un mot de passe. Enregistrez-le sans mot de passe en classeur Excel (.xlsx) ou en CSV, puis importez ce fichier.</translation>
    </message>
</context>
<context>
    <name>SigningKey</name>
    <message>
        <location filename="../../src/core/io/archivemanifest.cpp" line="-127" />
        <source>The cryptography library could not start.</source>
        <translation>La bibliothèque de cryptographie n'a pas pu démarrer.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The archive signing key “%1” is damaged (it is not an Ed25519 key). Put back the file kept with the backups.</source>
        <translation>La clé de signature des archives « %1 » est abîmée (ce n'est pas une clé Ed25519). Remettez le fichier conservé avec les sauvegardes.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The folder of “%1” cannot be created.</source>
        <translation>Le dossier de « %1 » ne peut pas être créé.</translation>
    </message>
</context>
<context>
    <name>SqlQuery</name>
    <message>
        <location filename="../../src/core/storage/sqlquery.cpp" line="+38" />
        <source>The database refused the change: this value already exists.</source>
        <translation>La base de données a refusé l'enregistrement : cette valeur existe déjà.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database refused the change: the item is linked to other data.</source>
        <translation>La base de données a refusé l'enregistrement : l'élément est lié à d'autres données.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database refused the change: a value is missing or out of the allowed range.</source>
        <translation>La base de données a refusé l'enregistrement : une valeur est manquante ou hors des limites permises.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database refused the change (%1).</source>
        <translation>La base de données a refusé la modification (%1).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database is busy with another computer or program. Try again in a moment.</source>
        <translation>La base de données est occupée par un autre poste ou programme. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The disk is full: nothing was saved. Free some space on the disk that holds the database (or move the database to another disk), then try again.</source>
        <translation>Le disque est plein : rien n'a été enregistré. Libérez de la place sur le disque qui contient la base (ou déplacez la base sur un autre disque), puis réessayez.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The disk could not be written or read: nothing was saved. Check that the disk or the USB key is still connected, then try again.</source>
        <translation>Le disque n'a pas pu être écrit ou lu : rien n'a été enregistré. Vérifiez que le disque ou la clé USB est toujours branché, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database server refused: this account may not do that. Ask the person who manages the server.</source>
        <translation>Le serveur de base de données a refusé : ce compte n'a pas le droit de le faire. Demandez à la personne qui gère le serveur.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The database is read-only: nothing can be saved.</source>
        <translation>La base de données est en lecture seule : rien ne peut être enregistré.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database file is damaged or is not a database.</source>
        <translation>Le fichier de la base de données est endommagé ou n'est pas une base de données.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The connection to the database server was lost (server stopped or network cut): what was being saved was not. Check the network, then reconnect.</source>
        <translation>La connexion au serveur de la base de données a été perdue (serveur arrêté ou réseau coupé) : ce qui était en cours d'enregistrement ne l'a pas été. Vérifiez le réseau, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database reported an error.</source>
        <translation>La base de données a signalé une erreur.</translation>
    </message>
    <message>
        <location line="+189" />
        <location line="+10" />
        <location line="+56" />
        <source>Internal error: badly parameterised query.</source>
        <translation>Erreur interne : requête mal paramétrée.</translation>
    </message>
    <message>
        <location line="+30" />
        <location line="+4" />
        <source>Internal error: no id returned.</source>
        <translation>Erreur interne : identifiant non renvoyé.</translation>
    </message>
</context>
<context>
    <name>StaffRepository</name>
    <message>
        <location filename="../../src/core/storage/staffrepository.cpp" line="+135" />
        <source>This team member was changed meanwhile on another computer.</source>
        <translation>Ce membre de l'équipe a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+67" />
        <source>These hours were already removed.</source>
        <translation>Ces heures ont déjà été supprimées.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Fill in the school's settings first.</source>
        <translation>Renseignez d'abord les paramètres de l'établissement.</translation>
    </message>
</context>
<context>
    <name>StaffService</name>
    <message>
        <location filename="../../src/core/services/staffservice.cpp" line="+14" />
        <source>The last name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A team member is an employee or a volunteer.</source>
        <translation>Un membre de l'équipe est salarié ou bénévole.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the team member's job.</source>
        <translation>Choisissez la fonction du membre de l’équipe.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1” is not an e-mail address.</source>
        <translation>« %1 » n'est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>This team member no longer exists.</source>
        <translation>Ce membre de l'équipe n'existe plus.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Give the day.</source>
        <translation>Indiquez le jour.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hours are recorded once given, not in advance.</source>
        <translation>Les heures s'enregistrent une fois données, pas à l'avance.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The hours must be more than 0 and at most 24 a day.</source>
        <translation>Les heures doivent être supérieures à 0 et ne pas dépasser 24 par jour.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Volunteer hours are given by a volunteer of the team.</source>
        <translation>Les heures de bénévolat sont données par un bénévole de l'équipe.</translation>
    </message>
    <message>
        <location line="+55" />
        <source>The value of an hour is between 0 and 1 000 €.</source>
        <translation>La valeur d'une heure est comprise entre 0 et 1 000 €.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/gui/shell/startup.cpp" line="+62" />
        <source>Demonstration school</source>
        <translation>École de démonstration</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Établi — management of a production school</source>
        <translation>Établi — gestion d'une école de production</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Database: an SQLite file or postgresql://user[:password]@host[:port]/dbname.</source>
        <translation>Base de données : fichier SQLite ou postgresql://utilisateur[:mot de passe]@serveur[:port]/base.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>DATABASE</source>
        <translation>BASE</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Log level: trace, debug, info, warning, error, off.</source>
        <translation>Niveau du journal : trace, debug, info, warning, error, off.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>LEVEL</source>
        <translation>NIVEAU</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close the window after this many milliseconds (for tests).</source>
        <translation>Fermer la fenêtre après ce nombre de millisecondes (pour les tests).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Log in as this account, with the password in ETABLI_PASSWORD (for automation; otherwise the login window asks).</source>
        <translation>Se connecter avec ce compte, mot de passe dans ETABLI_PASSWORD (pour l'automatisation ; sinon la fenêtre de connexion le demande).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>LOGIN</source>
        <translation>IDENTIFIANT</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unknown log level: “%1”.</source>
        <translation>Niveau de journal inconnu : « %1 ».</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+10" />
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
</context>
<context>
    <name>SubsidyRepository</name>
    <message>
        <location filename="../../src/core/storage/subsidyrepository.cpp" line="+156" />
        <source>This subsidy was changed meanwhile on another computer.</source>
        <translation>Cette subvention a été modifiée entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+124" />
        <source>This subsidy does not exist.</source>
        <translation>Cette subvention n'existe pas.</translation>
    </message>
</context>
<context>
    <name>SubsidyService</name>
    <message>
        <location filename="../../src/core/services/subsidyservice.cpp" line="+50" />
        <source>Choose the funder.</source>
        <translation>Choisissez le financeur.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Say what the subsidy is for (programme or purpose).</source>
        <translation>Indiquez l'objet de la subvention (programme ou action).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the financial year the subsidy covers.</source>
        <translation>Choisissez l'exercice que couvre la subvention.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The amount requested is greater than zero.</source>
        <translation>Le montant demandé est supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the day of the request (not in the future).</source>
        <translation>Indiquez la date de la demande (pas dans le futur).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Instalments come once the subsidy is granted.</source>
        <translation>Les versements viennent une fois la subvention accordée.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A final account is sent for a granted subsidy.</source>
        <translation>Le compte rendu concerne une subvention accordée.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Give the day of the decision (after the request, not in the future).</source>
        <translation>Indiquez la date de la décision (après la demande, pas dans le futur).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A refused subsidy has no instalment and no final account.</source>
        <translation>Une subvention refusée n'a ni versement ni compte rendu.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Give the amount granted.</source>
        <translation>Indiquez le montant accordé.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Each instalment expects an amount greater than zero.</source>
        <translation>Chaque versement attend un montant supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>An instalment cannot be received in the future.</source>
        <translation>Un versement ne peut pas être reçu dans le futur.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Give the amount received for each instalment received.</source>
        <translation>Indiquez le montant reçu pour chaque versement reçu.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The instalments (%1) add up to more than the amount granted (%2).</source>
        <translation>Les versements (%1) dépassent le montant accordé (%2).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The money received (%1) is more than the amount granted (%2).</source>
        <translation>Les sommes reçues (%1) dépassent le montant accordé (%2).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The final account cannot be sent in the future.</source>
        <translation>Le compte rendu ne peut pas être envoyé dans le futur.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The action ends before it starts: check its dates.</source>
        <translation>L'action finit avant de commencer : vérifiez ses dates.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The number of beneficiaries cannot be negative.</source>
        <translation>Le nombre de bénéficiaires ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The account cannot be signed in the future.</source>
        <translation>Le compte rendu ne peut pas être signé dans le futur.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Each line of the action's budget has a label.</source>
        <translation>Chaque ligne du budget de l'action a un libellé.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1”: the amounts of the action's budget are zero or more.</source>
        <translation>« %1 » : les montants du budget de l'action sont nuls ou positifs.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Indirect costs are allocated to the action: say by which rule (share of the hours, of the trainees, of the floor area…), as the account asks.</source>
        <translation>Des charges indirectes sont affectées à l'action : indiquez selon quelle règle (part des heures, des jeunes, de la surface…), comme le compte rendu le demande.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The financial year of this subsidy is closed: its amounts stay as they were.</source>
        <translation>L'exercice de cette subvention est clos : ses montants restent tels quels.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This financial year is closed: no subsidy can be added to it.</source>
        <translation>Cet exercice est clos : on ne peut plus y ajouter de subvention.</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Decision awaited: %1</source>
        <translation>Décision attendue : %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Instalment of %1 expected: %2</source>
        <translation>Versement de %1 attendu : %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Final account to send: %1</source>
        <translation>Compte rendu à envoyer : %1</translation>
    </message>
</context>
<context>
    <name>TraineeDetailRepository</name>
    <message>
        <location filename="../../src/core/storage/traineedetailrepository.cpp" line="+79" />
        <source>This guardian was changed meanwhile on another computer.</source>
        <translation>Ce responsable a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+62" />
        <source>“%1” is already in the list.</source>
        <translation>« %1 » est déjà dans la liste.</translation>
    </message>
</context>
<context>
    <name>TraineeImportService</name>
    <message>
        <location filename="../../src/core/services/traineeimportservice.cpp" line="+101" />
        <source>“%1” is not a date (dd/mm/yyyy).</source>
        <translation>« %1 » n'est pas une date (jj/mm/aaaa).</translation>
    </message>
    <message>
        <location line="+52" />
        <source>The lists of the database cannot be read.</source>
        <translation>Les listes de la base ne peuvent pas être lues.</translation>
    </message>
    <message>
        <location line="+92" />
        <source>The file has no “nom” and “prénom” columns (line 1). Columns found: %1.</source>
        <translation>Le fichier n'a pas de colonnes « nom » et « prénom » (ligne 1). Colonnes trouvées : %1.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>a cell looks like a spreadsheet formula (“%1”)</source>
        <translation>une cellule ressemble à une formule de tableur (« %1 »)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>the sex is F or M (“%1”)</source>
        <translation>le sexe est F ou M (« %1 »)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown section “%1”</source>
        <translation>section inconnue « %1 »</translation>
    </message>
    <message>
        <location line="+8" />
        <source>the year is 1 or 2 (“%1”)</source>
        <translation>l'année est 1 ou 2 (« %1 »)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown exit reason “%1”</source>
        <translation>motif de sortie inconnu « %1 »</translation>
    </message>
    <message>
        <location line="+24" />
        <source>the session is a year such as 2022 (“%1”)</source>
        <translation>la session est une année, par exemple 2022 (« %1 »)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>unknown result “%1” in the column %2</source>
        <translation>résultat inconnu « %1 » dans la colonne %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no session year for the certification %1</source>
        <translation>pas d'année de session pour la certification %1</translation>
    </message>
    <message>
        <location line="+27" />
        <source>the same person appears twice in the file</source>
        <translation>la même personne figure deux fois dans le fichier</translation>
    </message>
    <message>
        <location line="+3" />
        <source>already in the database (record n°%1)</source>
        <translation>déjà dans la base (dossier n°%1)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The column “%1” holds exam results (“%2”, line %3) but no certification of the catalogue is called so. Give the column the short name of one of them (%4), or add the certification to the catalogue (a trainee's Course tab), then import again.</source>
        <translation>La colonne « %1 » contient des résultats d'examen (« %2 », ligne %3) mais aucune certification du catalogue ne porte ce nom. Donnez à la colonne le sigle de l'une d'elles (%4), ou ajoutez la certification au catalogue (onglet Parcours d'un jeune), puis importez de nouveau.</translation>
    </message>
    <message>
        <location line="+11" />
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location line="+1" />
        <source>without a section: %1</source>
        <translation>sans section : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>for the section “%1”: %2</source>
        <translation>pour la section « %1 » : %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The column “%1” does not say which certification it is (%2). Give the column the certification's short name (such as %3), or tick what each section prepares in Settings, Sections, “Certifications prepared…”; nothing was imported.</source>
        <translation>La colonne « %1 » ne dit pas de quelle certification il s'agit (%2). Donnez à la colonne le sigle de la certification (par exemple %3), ou cochez ce que prépare chaque section dans Paramètres, Sections, « Certifications préparées… » ; rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Line %1: %2 %3 is already in the database (record n°%4); nothing was imported.</source>
        <translation>Ligne %1 : %2 %3 est déjà dans la base (dossier n°%4) ; rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Line %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lines %1 to %2</source>
        <translation>Lignes %1 à %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
</context>
<context>
    <name>TraineeRepository</name>
    <message>
        <location filename="../../src/core/storage/traineerepository.cpp" line="+200" />
        <source>This record was changed meanwhile on another computer. Close it and open it again.</source>
        <translation>Ce dossier a été modifié entre-temps sur un autre poste. Fermez-le et rouvrez-le.</translation>
    </message>
    <message>
        <location line="+118" />
        <location line="+138" />
        <source>No trainee has the number %1.</source>
        <translation>Aucun jeune ne porte le numéro %1.</translation>
    </message>
    <message>
        <location line="-48" />
        <source>Only a candidate who was never enrolled can be deleted: archive the record instead.</source>
        <translation>Seul un candidat jamais inscrit peut être supprimé : archivez plutôt le dossier.</translation>
    </message>
</context>
<context>
    <name>TraineeService</name>
    <message>
        <location filename="../../src/core/services/traineeservice.cpp" line="+100" />
        <location line="+219" />
        <source>Access denied: this trainee is not in one of your sections.</source>
        <translation>Accès refusé : ce jeune n'est pas dans une de vos sections.</translation>
    </message>
    <message>
        <location line="-193" />
        <source>The last name and the first name are required.</source>
        <translation>Le nom et le prénom sont obligatoires.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A name has more than 200 characters (“%1…”): check the column.</source>
        <translation>Un nom a plus de 200 caractères (« %1… ») : vérifiez la colonne.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The name “%1” contains a tab, a line break or another invisible character.</source>
        <translation>Le nom « %1 » contient une tabulation, un retour à la ligne ou un autre caractère invisible.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The sex is F or M.</source>
        <translation>Le sexe est F ou M.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The exit date is before the entry date.</source>
        <translation>La date de sortie est avant la date d'entrée.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An enrolled trainee needs an entry date.</source>
        <translation>Un jeune inscrit a besoin d'une date d'entrée.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A trainee who left needs an exit date and an exit reason.</source>
        <translation>Un jeune sorti a besoin d'une date et d'un motif de sortie.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The year of study is 1 or 2.</source>
        <translation>L'année de formation est 1 ou 2.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The e-mail address “%1” is not valid.</source>
        <translation>L'adresse e-mail « %1 » n'est pas valide.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The birth date %1 is in the future.</source>
        <translation>La date de naissance %1 est dans le futur.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The birth date is after the entry date.</source>
        <translation>La date de naissance est après la date d'entrée.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 %2 would be %3 years old at entry: is the birth date right?</source>
        <translation>%1 %2 aurait %3 ans à l'entrée : la date de naissance est-elle juste ?</translation>
    </message>
    <message>
        <location line="+21" />
        <source>%1 %2, born on %3, already has a record (n°%4): open it instead of creating a second one.</source>
        <translation>%1 %2, né(e) le %3, a déjà un dossier (n°%4) : ouvrez-le plutôt que d'en créer un second.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>This record was anonymised: it can no longer be changed.</source>
        <translation>Ce dossier a été anonymisé : il ne peut plus être modifié.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Another record (n°%1) has the same name and birth date.</source>
        <translation>Un autre dossier (n°%1) a le même nom et la même date de naissance.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Tick the trainees who go on to the second year.</source>
        <translation>Cochez les jeunes qui passent en 2e année.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 %2 is no longer an enrolled first-year: nobody was moved, open the list again.</source>
        <translation>%1 %2 n'est plus inscrit en 1re année : personne n'a changé d'année, rouvrez la liste.</translation>
    </message>
    <message>
        <location line="+67" />
        <location line="+23" />
        <source>The guardian's last name is required.</source>
        <translation>Le nom du responsable est obligatoire.</translation>
    </message>
    <message>
        <location line="-21" />
        <location line="+23" />
        <source>Choose the guardian's relation to the young person.</source>
        <translation>Choisissez le lien du responsable avec le jeune.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>The note is empty.</source>
        <translation>La note est vide.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <location filename="../../src/core/storage/transaction.cpp" line="+19" />
        <source>The database is open read-only.</source>
        <translation>La base de données est ouverte en lecture seule.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Internal error: no transaction in progress.</source>
        <translation>Erreur interne : aucune transaction en cours.</translation>
    </message>
</context>
<context>
    <name>TyreDocuments</name>
    <message>
        <location filename="../../src/print/tyredocuments.cpp" line="+29" />
        <location line="+165" />
        <source>Tyre hotel</source>
        <translation>Hôtel de pneus</translation>
    </message>
    <message>
        <location line="-155" />
        <location line="+46" />
        <location line="+60" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="-105" />
        <location line="+48" />
        <location line="+59" />
        <source>Tyres</source>
        <translation>Pneus</translation>
    </message>
    <message numerus="yes">
        <location line="-107" />
        <location line="+48" />
        <source>%n tyre(s) %1</source>
        <translation>
            <numerusform>%n pneu %1</numerusform>
            <numerusform>%n pneus %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="-47" />
        <source>, with rims</source>
        <translation>, avec jantes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>, without rims</source>
        <translation>, sans jantes</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+46" />
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location line="-45" />
        <location line="+47" />
        <location line="+58" />
        <source>Season</source>
        <translation>Saison</translation>
    </message>
    <message>
        <location line="-104" />
        <source>Tread</source>
        <translation>Sculpture</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+105" />
        <source>In since</source>
        <translation>Entré le</translation>
    </message>
    <message>
        <location line="-103" />
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Tyre hotel label %1</source>
        <translation>Étiquette hôtel de pneus %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>TYRE DEPOSIT RECEIPT</source>
        <translation>BON DE DÉPÔT DE PNEUS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 receives in storage, for a fee, the tyres described below from the customer named here.</source>
        <translation>%1 reçoit en gardiennage, contre rémunération, les pneus décrits ci-dessous, confiés par le client nommé ici.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The customer and the vehicle</source>
        <translation>Le client et le véhicule</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The tyres and their condition on entry</source>
        <translation>Les pneus et leur état à l'entrée</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Rims</source>
        <translation>Jantes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>with rims</source>
        <translation>avec jantes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>without rims</source>
        <translation>sans jantes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tread depth measured on entry</source>
        <translation>Profondeur de sculpture mesurée à l'entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remarks on the condition</source>
        <translation>Remarques sur l'état</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Place in the store</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Storage: fee and period</source>
        <translation>Gardiennage : tarif et période</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 excl. VAT (%3 incl. VAT)</source>
        <translation>%1 : %2 HT (%3 TTC)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>as the price list in force</source>
        <translation>selon le tarif en vigueur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Period covered</source>
        <translation>Période couverte</translation>
    </message>
    <message>
        <location line="+1" />
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Giving back, and sets not collected</source>
        <translation>Restitution, et pneus non repris</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The tyres are given back on presentation of this receipt, by appointment, at the latest at the end of the period above. A set not collected by then stays in storage for a new period at the fee in force; the school tells the customer in writing before any other decision about it, and never before one month after that letter.</source>
        <translation>Les pneus sont rendus sur présentation de ce bon, sur rendez-vous, au plus tard à la fin de la période ci-dessus. Des pneus non repris à cette date restent en gardiennage pour une nouvelle période au tarif en vigueur ; l'école prévient le client par écrit avant toute autre décision à leur sujet, et jamais moins d'un mois après ce courrier.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The customer (signature)</source>
        <translation>Le client (signature)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>For the school (signature)</source>
        <translation>Pour l'école (signature)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Tyre deposit receipt %1</source>
        <translation>Bon de dépôt de pneus %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Tyre hotel: sets in storage</source>
        <translation>Hôtel de pneus : jeux en gardiennage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tyre hotel: %1 sets in storage</source>
        <translation>Hôtel de pneus : pneus %1 en gardiennage</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%1 — on %2 — %n set(s)</source>
        <translation>
            <numerusform>%1 — le %2 — %n jeu</numerusform>
            <numerusform>%1 — le %2 — %n jeux</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Place</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plate</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Smallest tread</source>
        <translation>Sculpture mini</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+20" />
        <source> + rims</source>
        <translation> + jantes</translation>
    </message>
    <message>
        <location line="-7" />
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 (worn)</source>
        <translation>%1 (usé)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Legal minimum tread: 1.6 mm; sets under 3 mm are shown in bold: advise the customer.</source>
        <translation>Sculpture minimale légale : 1,6 mm ; les jeux sous 3 mm sont en gras : prévenez le client.</translation>
    </message>
</context>
<context>
    <name>TyreHotelRepository</name>
    <message>
        <location filename="../../src/core/storage/tyrehotelrepository.cpp" line="+175" />
        <source>This set of tyres was changed meanwhile on another computer.</source>
        <translation>Ce jeu de pneus a été modifié entre-temps sur un autre poste.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This set of tyres does not exist.</source>
        <translation>Ce jeu de pneus n'existe pas.</translation>
    </message>
    <message>
        <location line="+76" />
        <source>This vehicle does not exist.</source>
        <translation>Ce véhicule n'existe pas.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The vehicle %1 has no owner in the directory: give it one first.</source>
        <translation>Le véhicule %1 n'a pas de propriétaire dans l'annuaire : indiquez-le d'abord.</translation>
    </message>
</context>
<context>
    <name>TyreHotelService</name>
    <message>
        <location filename="../../src/core/services/tyrehotelservice.cpp" line="+20" />
        <source>Rack %1 · row %2 · level %3</source>
        <translation>Casier %1 · rangée %2 · niveau %3</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Your account may not see the tyre hotel.</source>
        <translation>Votre compte ne permet pas de voir l'hôtel de pneus.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Your account may not change the tyre hotel.</source>
        <translation>Votre compte ne permet pas de modifier l'hôtel de pneus.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>No tyres of %1 are in storage.</source>
        <translation>Aucun pneu de %1 n'est en gardiennage.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Choose the vehicle (type its plate).</source>
        <translation>Choisissez le véhicule (tapez son immatriculation).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the season of the tyres.</source>
        <translation>Choisissez la saison des pneus.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A set holds 1 to %1 tyres.</source>
        <translation>Un jeu compte de 1 à %1 pneus.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Measure the tread of each of the %n tyre(s).</source>
        <translation>
            <numerusform>Mesurez la profondeur de sculpture du pneu.</numerusform>
            <numerusform>Mesurez la profondeur de sculpture de chacun des %n pneus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Tyre %1: a tread depth is between 0 and 20 mm.</source>
        <translation>Pneu %1 : une profondeur de sculpture est comprise entre 0 et 20 mm.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Say where the set is stored: rack, row and level.</source>
        <translation>Indiquez où le jeu est rangé : casier, rangée et niveau.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The row is between 1 and 999 and the level between 1 and 99.</source>
        <translation>La rangée va de 1 à 999 et le niveau de 1 à 99.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Give the day the tyres came in.</source>
        <translation>Indiquez le jour d'entrée des pneus.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The day the tyres came in cannot be in the future.</source>
        <translation>Le jour d'entrée des pneus ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+88" />
        <source>The tyres go back after they came in, and not in the future.</source>
        <translation>Les pneus sont rendus après leur entrée, et pas dans le futur.</translation>
    </message>
    <message>
        <location line="-69" />
        <source>This set went back to its owner on %1: it is kept as it was.</source>
        <translation>Ce jeu a été rendu à son propriétaire le %1 : il est conservé tel quel.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 already holds the tyres of %2: choose another place.</source>
        <translation>%1 contient déjà les pneus de %2 : choisissez un autre emplacement.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Tyres of this vehicle are already in storage: give them back first, or change that set.</source>
        <translation>Des pneus de ce véhicule sont déjà en gardiennage : rendez-les d'abord, ou modifiez ce jeu.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>This set already went back to its owner on %1.</source>
        <translation>Ce jeu a déjà été rendu à son propriétaire le %1.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The storage of this set is already invoiced (%1).</source>
        <translation>Le gardiennage de ce jeu est déjà facturé (%1).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the storage fee from the catalogue first.</source>
        <translation>Choisissez d'abord le tarif de gardiennage dans le catalogue.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Tyre storage %1, %2</source>
        <translation>Gardiennage pneus %1, %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <location filename="../../src/core/storage/userrepository.cpp" line="+122" />
        <source>The login “%1” is already taken.</source>
        <translation>L'identifiant « %1 » est déjà pris.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>The account “%1” was changed meanwhile on another computer. Reload the list.</source>
        <translation>Le compte « %1 » a été modifié entre-temps sur un autre poste. Rechargez la liste.</translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <location filename="../../src/core/services/userservice.cpp" line="-217" />
        <source>The login must have 2 to 40 letters, digits, dots, dashes or underscores, without spaces (“%1”).</source>
        <translation>L'identifiant compte 2 à 40 lettres, chiffres, points, tirets ou soulignés, sans espace (« %1 »).</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+45" />
        <source>A trainer must be attached to at least one section.</source>
        <translation>Un formateur doit être rattaché à au moins une section.</translation>
    </message>
    <message>
        <location line="-9" />
        <source>At least one active account must keep the role “direction”: it is the only one that can manage accounts.</source>
        <translation>Au moins un compte actif doit garder le rôle « direction » : c'est le seul qui peut gérer les comptes.</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+48" />
        <source>This account no longer exists.</source>
        <translation>Ce compte n'existe plus.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The current password is wrong.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The new password must differ from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l'actuel.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcomedialog.ui" line="+5" />
        <location line="+5" />
        <source>Welcome to Établi</source>
        <translation>Bienvenue dans Établi</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Établi keeps your production school's records: trainees, workshops, customers, funding and the reports your funders ask for. To begin, choose one of these:</source>
        <translation>Établi tient les dossiers de votre école de production : jeunes, ateliers, clients, financements et les rapports que demandent vos financeurs. Pour commencer, choisissez :</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Create my school's database</source>
        <translation>Créer la base de mon école</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with an empty database: you give the school's name, the rest can be filled in later.</source>
        <translation>Partir d'une base vide : vous donnez le nom de l'école, le reste se complète ensuite.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Discover the demonstration school</source>
        <translation>Découvrir l'école de démonstration</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A realistic school with ten years of invented data, to try everything without risk.</source>
        <translation>Une école réaliste avec dix ans de données inventées, pour tout essayer sans risque.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open an existing database…</source>
        <translation>Ouvrir une base existante…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A database file copied from another computer, or a backup.</source>
        <translation>Un fichier de base copié depuis un autre poste, ou une sauvegarde.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Connect to the school's server…</source>
        <translation>Se connecter au serveur de l'école…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>When the school's data is on a PostgreSQL server shared by several PCs.</source>
        <translation>Quand les données de l'école sont sur un serveur PostgreSQL partagé par plusieurs postes.</translation>
    </message>
</context>
<context>
    <name>Xlsx</name>
    <message>
        <location filename="../../src/core/io/xlsx.cpp" line="+55" />
        <source>No temporary folder to make the spreadsheet in: free some space on the disk, then try again.</source>
        <translation>Pas de dossier temporaire où préparer le classeur : libérez de la place sur le disque, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The spreadsheet could not be made.</source>
        <translation>Le classeur n'a pas pu être préparé.</translation>
    </message>
    <message>
        <location line="+68" />
        <source>The spreadsheet could not be written. Check that the disk has room, then try again.</source>
        <translation>Le classeur n'a pas pu être écrit. Vérifiez qu'il reste de la place sur le disque, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The spreadsheet could not be read back.</source>
        <translation>Le classeur n'a pas pu être relu.</translation>
    </message>
</context>
<context>
    <name>YearArchive</name>
    <message>
        <location filename="../../src/print/yeararchive.cpp" line="+58" />
        <source>“%1” already exists and is not an empty folder: choose a new folder for the archive (it is not mixed with other files).</source>
        <translation>« %1 » existe déjà et n'est pas un dossier vide : choisissez un nouveau dossier pour l'archive (elle ne se mélange pas à d'autres fichiers).</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The year %1 is not closed: close its months up to December first (Sales → Closings), then archive it.</source>
        <translation>L'année %1 n'est pas clôturée : clôturez d'abord ses mois jusqu'à décembre (Ventes → Clôtures), puis archivez-la.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The signing key “%1” is not the one that signed this school's archives (its public key begins with %2). Use the key file kept from the computer that made the first archive.</source>
        <translation>La clé de signature « %1 » n'est pas celle qui a signé les archives de l'école (sa clé publique commence par %2). Utilisez le fichier de clé conservé depuis le poste qui a fait la première archive.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The folder “%1” cannot be created.</source>
        <translation>Le dossier « %1 » ne peut pas être créé.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No folder can be written in “%1”: check the disk and the rights, or choose another place.</source>
        <translation>Aucun dossier ne peut être écrit dans « %1 » : vérifiez le disque et les droits, ou choisissez un autre emplacement.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>credit note</source>
        <translation>avoir</translation>
    </message>
    <message>
        <location line="+0" />
        <source>invoice</source>
        <translation>facture</translation>
    </message>
    <message>
        <location line="+84" />
        <source>Sales excl. VAT at %1 %</source>
        <translation>Ventes HT à %1 %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT at %1 %</source>
        <translation>TVA à %1 %</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sales incl. VAT</source>
        <translation>Ventes TTC</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Payments: %1</source>
        <translation>Règlements : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Payments in all</source>
        <translation>Règlements au total</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+4" />
        <location line="+10" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="-14" />
        <location line="+14" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-14" />
        <location line="+14" />
        <source>Issue date</source>
        <translation>Date d'émission</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Corrects</source>
        <translation>Corrige</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+14" />
        <source>Issued by</source>
        <translation>Émis par</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Issued at</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+9" />
        <location line="+4" />
        <location line="+5" />
        <source>Hash</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location line="-18" />
        <location line="+13" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Label</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit price excl. VAT</source>
        <translation>Prix unitaire HT</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VAT rate (%)</source>
        <translation>Taux de TVA (%)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT exemption</source>
        <translation>Exonération de TVA</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Total excl. VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+5" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cheque number</source>
        <translation>Numéro de chèque</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reverses payment</source>
        <translation>Annule le règlement</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recorded at</source>
        <translation>Enregistré le</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancels</source>
        <translation>Annule</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Position</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+0" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Heading</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Period's amount</source>
        <translation>Montant de la période</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Perpetual grand total</source>
        <translation>Grand total perpétuel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>First document</source>
        <translation>Premier document</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last document</source>
        <translation>Dernier document</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Closed at</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed by</source>
        <translation>Clôturée par</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Previous hash</source>
        <translation>Empreinte précédente</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Archive of the year %1 — %2
SIRET %3
Made on %4 by %5 with Établi.

factures/        the %6 invoices and credit notes issued in %1, as issued (PDF)
recus-fiscaux/   the %7 tax receipts and cancellations issued in %1 (PDF)
factures.csv     one line per invoice or credit note, with its totals and its hash
lignes.csv       their lines
paiements.csv    the %8 payments and reversals received in %1
recus-fiscaux.csv  the tax receipts
clotures.csv     the %9 closings of the year: sales per VAT rate, payments per method, perpetual grand totals, each sealed and chained to the previous one

MANIFESTE.sha256 lists each file's SHA-256; MANIFESTE.sig is its Ed25519 signature by the key whose public half is in CLE-PUBLIQUE.txt.
To check: etabli-cli verify-archive THIS_FOLDER (or, for the files only: sha256sum -c MANIFESTE.sha256).
Établi is not a cash system certified NF525 or by the LNE.
</source>
        <translation>Archive de l'année %1 — %2
SIRET %3
Écrite le %4 par %5 avec Établi.

factures/        les %6 factures et avoirs émis en %1, tels qu'émis (PDF)
recus-fiscaux/   les %7 reçus fiscaux et annulations émis en %1 (PDF)
factures.csv     une ligne par facture ou avoir, avec ses totaux et son empreinte
lignes.csv       leurs lignes
paiements.csv    les %8 règlements et contre-passations reçus en %1
recus-fiscaux.csv  les reçus fiscaux
clotures.csv     les %9 clôtures de l'année : ventes par taux de TVA, règlements par mode, grands totaux perpétuels, chacune scellée et chaînée à la précédente

MANIFESTE.sha256 donne le SHA-256 de chaque fichier ; MANIFESTE.sig en est la signature Ed25519 par la clé dont la partie publique est dans CLE-PUBLIQUE.txt.
Pour vérifier : etabli-cli verify-archive CE_DOSSIER (ou, pour les seuls fichiers : sha256sum -c MANIFESTE.sha256).
Établi n'est pas un système de caisse certifié NF525 ni par le LNE.
</translation>
    </message>
    <message>
        <location line="+68" />
        <source>The archive was written but could not take the name “%1”: it is in “%2”.</source>
        <translation>L'archive a été écrite mais n'a pas pu prendre le nom « %1 » : elle est dans « %2 ».</translation>
    </message>
</context>
<context>
    <name>Zip</name>
    <message>
        <location filename="../../src/core/io/zip.cpp" line="+30" />
        <source>The file is not a readable workbook: its ZIP structure is damaged or cut short. Open it in the spreadsheet program and save it again.</source>
        <translation>Le fichier n'est pas un classeur lisible : sa structure ZIP est endommagée ou tronquée. Ouvrez-le dans le tableur et enregistrez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The workbook is a ZIP64 archive, which Établi does not read. Save it again as a usual .xlsx file or as CSV.</source>
        <translation>Le classeur est une archive ZIP64, qu'Établi ne lit pas. Enregistrez-le de nouveau en fichier .xlsx habituel ou en CSV.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The workbook has no part “%1”.</source>
        <translation>Le classeur n'a pas de partie « %1 ».</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The workbook is protected by a password. Save it without a password, then import it.</source>
        <translation>Le classeur est protégé par un mot de passe. Enregistrez-le sans mot de passe, puis importez-le.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The part “%1” of the workbook is too large (%2 MB once decompressed).</source>
        <translation>La partie « %1 » du classeur est trop grande (%2 Mo une fois décompressée).</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The decompression could not start (not enough memory?).</source>
        <translation>La décompression n'a pas pu démarrer (mémoire insuffisante ?).</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The workbook uses a compression Établi does not read (method %1). Save it again as a usual .xlsx file or as CSV.</source>
        <translation>Le classeur utilise une compression qu'Établi ne lit pas (méthode %1). Enregistrez-le de nouveau en fichier .xlsx habituel ou en CSV.</translation>
    </message>
</context>
<context>
    <name>etabli::AbsencesPage</name>
    <message>
        <location filename="../../src/gui/trainees/absencespage.cpp" line="+62" />
        <source>Attendance of each trainee</source>
        <translation>Assiduité de chaque jeune</translation>
    </message>
    <message>
        <location line="+0" />
        <source>3 or more unexcused half-days in a row</source>
        <translation>3 demi-journées ou plus d'absence injustifiée d'affilée</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Attendance</source>
        <translation>Assiduité</translation>
    </message>
    <message>
        <location line="-24" />
        <location line="+12" />
        <source>Trainee</source>
        <translation>Jeune</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unexcused</source>
        <translation>Injustifiées</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Excused</source>
        <translation>Justifiées</translation>
    </message>
    <message>
        <location line="+9" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Half-days</source>
        <translation>Demi-journées</translation>
    </message>
    <message>
        <location line="+33" />
        <source>&lt;b&gt;Attendance of each trainee&lt;/b&gt;</source>
        <translation>&lt;b&gt;Présence de chaque jeune&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;3 or more unexcused half-days in a row&lt;/b&gt;</source>
        <translation>&lt;b&gt;3 demi-journées ou plus d'absence injustifiée d'affilée&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+48" />
        <source>Attendance rate of the section: %1 (%n half-day(s) recorded)</source>
        <translation>
            <numerusform>Taux de présence de la section : %1 (%n demi-journée saisie)</numerusform>
            <numerusform>Taux de présence de la section : %1 (%n demi-journées saisies)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-91" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
</context>
<context>
    <name>etabli::ActionBudgetModel</name>
    <message>
        <location filename="../../src/gui/funding/actionbudgetmodel.cpp" line="+14" />
        <source>Direct cost</source>
        <translation>Charge directe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Indirect cost</source>
        <translation>Charge indirecte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>86, use in kind</source>
        <translation>86, emploi en nature</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location line="+2" />
        <source>87, contribution in kind</source>
        <translation>87, contribution en nature</translation>
    </message>
    <message>
        <location line="+39" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Line of the account</source>
        <translation>Ligne du compte rendu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Forecast</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
</context>
<context>
    <name>etabli::ApprenticeshipTaxPage</name>
    <message>
        <location filename="../../src/gui/funding/fundinglists.cpp" line="+38" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Year of the tax:</source>
        <translation>&amp;Année de la taxe :</translation>
    </message>
    <message>
        <location line="-7" />
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New company…</source>
        <translation>&amp;Nouvelle entreprise…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Apprenticeship tax</source>
        <translation>Taxe d'apprentissage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>tax of %1</source>
        <translation>taxe %1</translation>
    </message>
    <message numerus="yes">
        <location line="+36" />
        <source>%n company(ies): %1 expected, %2 received.</source>
        <translation>
            <numerusform>%n entreprise : %1 attendus, %2 reçus.</numerusform>
            <numerusform>%n entreprises : %1 attendus, %2 reçus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18" />
        <source>Apprenticeship tax: new company</source>
        <translation>Taxe d'apprentissage : nouvelle entreprise</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apprenticeship tax: %1</source>
        <translation>Taxe d'apprentissage : %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Company:</source>
        <translation>&amp;Entreprise :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Expected for %1:</source>
        <translation>&amp;Attendu pour %1 :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Received:</source>
        <translation>&amp;Reçu :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received &amp;on:</source>
        <translation>Reçu &amp;le :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
</context>
<context>
    <name>etabli::AttendancePage</name>
    <message>
        <location filename="../../src/gui/trainees/attendancepage.cpp" line="+30" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+6" />
        <source>◀ Previous week</source>
        <translation>◀ Semaine précédente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This &amp;week</source>
        <translation>Cette &amp;semaine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next week ▶</source>
        <translation>Semaine suivante ▶</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Everyone &amp;present</source>
        <translation>Tous &amp;présents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Timetable…</source>
        <translation>Emploi du &amp;temps…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The half-days the section spends in class; the others are the workshop's.</source>
        <translation>Les demi-journées que la section passe en cours ; les autres sont celles de l'atelier.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Marks every empty half-day of the week present.</source>
        <translation>Marque présentes toutes les demi-journées vides de la semaine.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Keys: P present · J excused absence · A unexcused absence · R late · S internship · X excluded · Delete clears. Shift+key: the whole day; Ctrl+Shift+key: the whole week. Ctrl+S saves.</source>
        <translation>Touches : P présent · J absence justifiée · A absence injustifiée · R retard · S stage · X exclu · Suppr efface. Maj+touche : toute la journée ; Ctrl+Maj+touche : toute la semaine. Ctrl+S enregistre.</translation>
    </message>
    <message>
        <location line="+121" />
        <source>Week of %1</source>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <location line="+79" />
        <source>The attendance of the week was saved.</source>
        <translation>Les présences de la semaine ont été enregistrées.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Unsaved attendance</source>
        <translation>Présences non enregistrées</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The attendance of this week was changed. Save it?</source>
        <translation>Les présences de cette semaine ont été modifiées. Les enregistrer ?</translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>The timetable applies from %1 (%n half-day(s) already recorded follow it).</source>
        <translation>
            <numerusform>L'emploi du temps s'applique à partir du %1 (%n demi-journée déjà saisie le suit).</numerusform>
            <numerusform>L'emploi du temps s'applique à partir du %1 (%n demi-journées déjà saisies le suivent).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9" />
        <source>Timetable of %1</source>
        <translation>Emploi du temps de %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tick the half-days spent in class; the others are spent in the workshop.</source>
        <translation>Cochez les demi-journées passées en cours ; les autres sont passées en atelier.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Applies from</source>
        <translation>S'applique à partir du</translation>
    </message>
</context>
<context>
    <name>etabli::AuditModel</name>
    <message>
        <location filename="../../src/gui/audit/auditmodel.cpp" line="+14" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
</context>
<context>
    <name>etabli::AuditPage</name>
    <message>
        <location filename="../../src/gui/audit/auditpage.cpp" line="+27" />
        <source>&amp;From</source>
        <translation>&amp;Depuis le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;To</source>
        <translation>&amp;Jusqu'au</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Person</source>
        <translation>&amp;Personne</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Item</source>
        <translation>É&amp;lément</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message numerus="yes">
        <location line="+33" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13" />
        <source>The log was exported to %1.</source>
        <translation>Le journal a été exporté dans %1.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>log-of-changes-%1.csv</source>
        <translation>journal-des-modifications-%1.csv</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export the log of changes</source>
        <translation>Exporter le journal des modifications</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>etabli::BankPage</name>
    <message>
        <location filename="../../src/gui/sales/bankpage.cpp" line="+45" />
        <source>Debit</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location line="+12" />
        <source>nothing found: A to choose</source>
        <translation>rien trouvé : A pour choisir</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n proposal(s) as likely: A to choose</source>
        <translation>
            <numerusform>%n proposition aussi probable : A pour choisir</numerusform>
            <numerusform>%n propositions aussi probables : A pour choisir</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>to check: %1</source>
        <translation>à vérifier : %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Proposed for: %1</source>
        <translation>Proposé pour : %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Import a statement…</source>
        <translation>&amp;Importer un relevé…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm (Enter)</source>
        <translation>&amp;Valider (Entrée)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Another choice… (A)</source>
        <translation>&amp;Autre choix… (A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Set a&amp;side (C)</source>
        <translation>Mettre de &amp;côté (C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Undo the match… (Del)</source>
        <translation>A&amp;nnuler le rapprochement… (Suppr)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Day</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wording</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+2" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposed, or matched with</source>
        <translation>Proposition, ou rapprochée avec</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;Statement:</source>
        <translation>&amp;Relevé :</translation>
    </message>
    <message numerus="yes">
        <location line="+69" />
        <source>%n to reconcile</source>
        <translation>
            <numerusform>%n à rapprocher</numerusform>
            <numerusform>%n à rapprocher</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0" />
        <source>all reconciled</source>
        <translation>tout rapproché</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>From %1 to %2 · %3 · %n credit(s), %4</source>
        <translation>
            <numerusform>Du %1 au %2 · %3 · %n crédit, %4</numerusform>
            <numerusform>Du %1 au %2 · %3 · %n crédits, %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>No statement imported yet: download the account's statement from the bank's website (OFX, CAMT.053 or CSV), then “Import a statement…”.</source>
        <translation>Aucun relevé importé : téléchargez le relevé du compte sur le site de la banque (OFX, CAMT.053 ou CSV), puis « Importer un relevé… ».</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Every credit of this statement is reconciled.</source>
        <translation>Tous les crédits de ce relevé sont rapprochés.</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>&lt;b&gt;%n credit(s) to reconcile&lt;/b&gt;, %1</source>
        <translation>
            <numerusform>&lt;b&gt;%n crédit à rapprocher&lt;/b&gt;, %1</numerusform>
            <numerusform>&lt;b&gt;%n crédits à rapprocher&lt;/b&gt;, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n with a sure proposal</source>
        <translation>
            <numerusform>%n avec une proposition sûre</numerusform>
            <numerusform>%n avec une proposition sûre</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter confirms the proposal and goes to the next line; A: another choice; C: set aside; R: back to reconcile; Del: undo a match.</source>
        <translation>Entrée valide la proposition et passe à la ligne suivante ; A : autre choix ; C : mettre de côté ; R : remettre à rapprocher ; Suppr : annuler un rapprochement.</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Nothing to confirm on this line.</source>
        <translation>Rien à valider sur cette ligne.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No proposal stands out for this line: choose with “Another choice…” (A).</source>
        <translation>Aucune proposition ne se détache pour cette ligne : choisissez avec « Autre choix… » (A).</translation>
    </message>
    <message>
        <location line="+36" />
        <source>This line is not matched with anything.</source>
        <translation>Cette ligne n'est rapprochée de rien.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Undo the match with %1? The payment recorded from this line is reversed. Why?</source>
        <translation>Annuler le rapprochement avec %1 ? Le paiement enregistré depuis cette ligne sera contre-passé. Pourquoi ?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Undo the match with %1? It stays recorded; the line is to reconcile again. Why?</source>
        <translation>Annuler le rapprochement avec %1 ? Il reste enregistré ; la ligne sera de nouveau à rapprocher. Pourquoi ?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Undo the match</source>
        <translation>Annuler le rapprochement</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose a credit still to reconcile.</source>
        <translation>Choisissez un crédit encore à rapprocher.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>What is this credit?</source>
        <translation>Qu'est-ce que ce crédit ?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Invoice number, customer, donor…</source>
        <translation>Numéro de facture, client, donateur…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 on %2: %3</source>
        <translation>%1 le %2 : %3</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Statement imported: reconcile its credits below, Enter on each line.</source>
        <translation>Relevé importé : rapprochez ses crédits ci-dessous, Entrée sur chaque ligne.</translation>
    </message>
</context>
<context>
    <name>etabli::BookletTab</name>
    <message>
        <location filename="../../src/gui/trainees/booklettab.cpp" line="+42" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Competence</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not evaluated yet</source>
        <translation>pas encore évaluée</translation>
    </message>
    <message>
        <location line="+4" />
        <source>On</source>
        <translation>Le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Jobs (for customers)</source>
        <translation>Travaux (pour des clients)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Preview and &amp;print the booklet…</source>
        <translation>A&amp;perçu et impression du livret…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the booklet as P&amp;DF…</source>
        <translation>Enregistrer le livret en P&amp;DF…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>booklet-%1</source>
        <translation>livret-%1</translation>
    </message>
    <message>
        <location line="+43" />
        <source>No framework is loaded for the diplomas of this trainee's section: the director loads it in Trainees › Frameworks.</source>
        <translation>Aucun référentiel n'est chargé pour les diplômes de la section de ce jeune : la direction le charge dans Jeunes › Référentiels.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of %2 competences evaluated, %3 acquired or mastered. The booklet printed adds the internships, the certifications and the signatures.</source>
        <translation>%1 compétences évaluées sur %2, dont %3 acquises ou maîtrisées. Le livret imprimé y ajoute les stages, les certifications et les signatures.</translation>
    </message>
</context>
<context>
    <name>etabli::BudgetEntriesList</name>
    <message>
        <location filename="../../src/gui/funding/budgetpage.cpp" line="+36" />
        <source>Search a label, a reference or a contact…</source>
        <translation>Rechercher un libellé, une référence ou un contact…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New entry…</source>
        <translation>&amp;Nouvelle écriture…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Correct…</source>
        <translation>&amp;Corriger…</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+10" />
        <source>Income and expenses</source>
        <translation>Produits et charges</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expenses</source>
        <translation>Charges</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other income</source>
        <translation>Autres produits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Records the opposite amount: the entry stays, undone.</source>
        <translation>Enregistre le montant opposé : l'écriture reste, annulée.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>A recorded entry is not changed: “Correct…” undoes it, then record the right one.</source>
        <translation>Une écriture enregistrée ne se modifie pas : « Corriger… » l'annule, puis saisissez la bonne.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>New entry</source>
        <translation>Nouvelle écriture</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Income: %1</source>
        <translation>Produit : %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Supplier's invoice number, bank statement…</source>
        <translation>Numéro de facture du fournisseur, relevé bancaire…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>D&amp;ay:</source>
        <translation>D&amp;ate :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A&amp;mount:</source>
        <translation>&amp;Montant :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Su&amp;pplier or payer:</source>
        <translation>Fo&amp;urnisseur ou payeur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reference:</source>
        <translation>&amp;Référence :</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The entry is recorded.</source>
        <translation>L'écriture est enregistrée.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose an entry in the list.</source>
        <translation>Choisissez une écriture dans la liste.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Correct an entry</source>
        <translation>Corriger une écriture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The entry stays; an entry of the opposite amount, dated today, undoes it. Why?</source>
        <translation>L'écriture reste ; une écriture du montant opposé, datée d'aujourd'hui, l'annule. Pourquoi ?</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The entry is corrected.</source>
        <translation>L'écriture est corrigée.</translation>
    </message>
</context>
<context>
    <name>etabli::BudgetEntryListModel</name>
    <message>
        <location filename="../../src/gui/funding/budgetentrylistmodel.cpp" line="+14" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
<context>
    <name>etabli::BudgetPage</name>
    <message>
        <location filename="../../src/gui/funding/budgetpage.cpp" line="+42" />
        <source>Financial &amp;year:</source>
        <translation>&amp;Exercice :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Change the &amp;forecast…</source>
        <translation>Modifier le &amp;prévisionnel…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forecast a &amp;subsidy…</source>
        <translation>Prévoir une &amp;subvention…</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Forecast</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Expense: %1</source>
        <translation>Charge : %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>File for the &amp;accountant (FEC)…</source>
        <translation>Fichier pour le &amp;comptable (FEC)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The year's entries (sales, payments, gifts, subsidies, dues and other entries) as the fichier des écritures comptables, for the accountant's software</source>
        <translation>Les écritures de l'exercice (ventes, règlements, dons, subventions, cotisations et autres écritures) en fichier des écritures comptables, pour le logiciel de l'expert-comptable</translation>
    </message>
    <message>
        <location line="+44" />
        <source>This financial year holds nothing yet: choose another one.</source>
        <translation>Cet exercice ne contient encore rien : choisissez-en un autre.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Resources in all</source>
        <translation>Total des ressources</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Expenses in all</source>
        <translation>Total des charges</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Choose a category in the table.</source>
        <translation>Choisissez une catégorie dans le tableau.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Forecast: %1</source>
        <translation>Prévisionnel : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+45" />
        <source>&amp;Forecast for %1:</source>
        <translation>&amp;Prévu pour %1 :</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Forecast a subsidy</source>
        <translation>Prévoir une subvention</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Funder:</source>
        <translation>&amp;Financeur :</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Choose the funder.</source>
        <translation>Choisissez le financeur.</translation>
    </message>
</context>
<context>
    <name>etabli::CataloguePage</name>
    <message>
        <location filename="../../src/gui/workshops/cataloguepage.cpp" line="+66" />
        <source>&amp;Workshop</source>
        <translation>A&amp;telier</translation>
    </message>
    <message>
        <location line="+5" />
        <source> places</source>
        <translation> places</translation>
    </message>
    <message>
        <location line="+3" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Length of a half-day in the workshop: the hours proposed in the production log</source>
        <translation>Durée d'une demi-journée d'atelier : les heures proposées dans le journal d'atelier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Capacity</source>
        <translation>&amp;Capacité</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Half-day</source>
        <translation>&amp;Demi-journée</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save the workshop</source>
        <translation>Enregistrer l'atelier</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Price excl. VAT</source>
        <translation>Prix HT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="+35" />
        <source>&amp;Add an item…</source>
        <translation>&amp;Ajouter un article…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;hange…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;b&gt;Catalogue&lt;/b&gt; — what the workshop makes and sells</source>
        <translation>&lt;b&gt;Catalogue&lt;/b&gt; — ce que l'atelier fabrique et vend</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New skill, e.g. « souder à l'arc »</source>
        <translation>Nouvelle compétence, par ex. « souder à l'arc »</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add the s&amp;kill</source>
        <translation>Ajouter la &amp;compétence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deactivate / reactivate</source>
        <translation>Désactiver / réactiver</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;b&gt;Skills practised&lt;/b&gt;</source>
        <translation>&lt;b&gt;Compétences travaillées&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-64" />
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <location line="+123" />
        <source>New catalogue item</source>
        <translation>Nouvel article du catalogue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Catalogue item</source>
        <translation>Article du catalogue</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Offered (uncheck to withdraw it without losing its history)</source>
        <translation>Proposé (décochez pour le retirer sans perdre son historique)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Label</source>
        <translation>&amp;Désignation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Price excl. VAT (€)</source>
        <translation>&amp;Prix HT (€)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;VAT rate</source>
        <translation>Taux de &amp;TVA</translation>
    </message>
    <message>
        <location line="+35" />
        <source>“%1” added to the catalogue.</source>
        <translation>« %1 » ajouté au catalogue.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>“%1” was changed.</source>
        <translation>« %1 » a été modifié.</translation>
    </message>
    <message>
        <location line="+44" />
        <source>The workshop “%1” was saved.</source>
        <translation>L'atelier « %1 » a été enregistré.</translation>
    </message>
</context>
<context>
    <name>etabli::ClosingsPage</name>
    <message>
        <location filename="../../src/gui/sales/closingspage.cpp" line="+55" />
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Received</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Grand total incl. VAT</source>
        <translation>Grand total TTC</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed on</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <location line="+55" />
        <source>&amp;Close up to this month…</source>
        <translation>&amp;Clôturer jusqu'à ce mois…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Archive this year…</source>
        <translation>&amp;Archiver cette année…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Last month to close</source>
        <translation>Dernier mois à clôturer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Year to archive</source>
        <translation>Année à archiver</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Close the &amp;months up to:</source>
        <translation>Clôturer les &amp;mois jusqu'à :</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Closed &amp;year:</source>
        <translation>&amp;Année clôturée :</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Nothing to close: nothing was issued nor paid before this month.</source>
        <translation>Rien à clôturer : rien n'a été facturé ni encaissé avant ce mois-ci.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every month that is over is closed.</source>
        <translation>Tous les mois terminés sont clôturés.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;%1 is over and not closed.&lt;/b&gt; Closing a month seals its invoices and payments: nothing can be issued nor paid on its days afterwards.</source>
        <translation>&lt;b&gt;%1 est terminé et non clôturé.&lt;/b&gt; Clôturer un mois scelle ses factures et ses règlements : plus rien ne peut ensuite être facturé ni encaissé à ses dates.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>&lt;b&gt;%n month(s) over and not closed&lt;/b&gt;, from %1 to %2. Closing a month seals its invoices and payments: nothing can be issued nor paid on its days afterwards.</source>
        <translation>
            <numerusform>&lt;b&gt;%n mois terminé non clôturé&lt;/b&gt;, de %1 à %2. Clôturer un mois scelle ses factures et ses règlements : plus rien ne peut ensuite être facturé ni encaissé à ses dates.</numerusform>
            <numerusform>&lt;b&gt;%n mois terminés non clôturés&lt;/b&gt;, de %1 à %2. Clôturer un mois scelle ses factures et ses règlements : plus rien ne peut ensuite être facturé ni encaissé à ses dates.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19" />
        <source>&lt;b&gt;%1&lt;/b&gt; (from %2 to %3), documents %4 to %5 — closing n°%6, seal %7…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (du %2 au %3), documents %4 à %5 — clôture n° %6, sceau %7…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This period</source>
        <translation>Cette période</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Perpetual grand total</source>
        <translation>Grand total perpétuel</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sales excl. VAT at %1</source>
        <translation>Ventes HT à %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT at %1</source>
        <translation>TVA à %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sales incl. VAT</source>
        <translation>Ventes TTC</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Received: %1</source>
        <translation>Encaissé : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Received in all</source>
        <translation>Encaissé au total</translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>%n closing(s) made, up to %1.</source>
        <translation>
            <numerusform>%n clôture faite, jusqu'à %1.</numerusform>
            <numerusform>%n clôtures faites, jusqu'à %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15" />
        <source>Close the months</source>
        <translation>Clôturer les mois</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Close %n month(s), up to %1?

This is final: afterwards nothing can be issued nor paid on a day of these months, and their totals are sealed. A December closes its year too.</source>
        <translation>
            <numerusform>Clôturer %n mois, jusqu'à %1 ?

C'est définitif : plus rien ne pourra ensuite être facturé ni encaissé à une date de ces mois, et leurs totaux sont scellés. Un mois de décembre clôture aussi son année.</numerusform>
            <numerusform>Clôturer %n mois, jusqu'à %1 ?

C'est définitif : plus rien ne pourra ensuite être facturé ni encaissé à une date de ces mois, et leurs totaux sont scellés. Un mois de décembre clôture aussi son année.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16" />
        <source>Writing the archive of %1…</source>
        <translation>Écriture de l'archive %1…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Archive of %1 written to %2: %3 document(s), %4 tax receipt(s), %5 payment(s), signed with the key %6…. Keep a copy of the key file %7 with the backups.</source>
        <translation>Archive %1 écrite dans %2 : %3 document(s), %4 reçu(s) fiscal(aux), %5 règlement(s), signée avec la clé %6…. Gardez une copie du fichier de clé %7 avec les sauvegardes.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Folder where the archive of %1 goes</source>
        <translation>Dossier où ranger l'archive %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Établi archive %1</source>
        <translation>Archive Établi %1</translation>
    </message>
</context>
<context>
    <name>etabli::Codes</name>
    <message>
        <location filename="../../src/core/domain/sales.cpp" line="+48" />
        <source>Draft credit note</source>
        <translation>Avoir (brouillon)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draft invoice</source>
        <translation>Facture (brouillon)</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/sales.h" line="+99" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/orders.h" line="+25" />
        <location filename="../../src/core/domain/sales.h" line="+6" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location line="+16" />
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/sales.h" line="+1" />
        <source>Issued</source>
        <translation>Émise</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/funding.h" line="+28" />
        <location filename="../../src/core/domain/sales.h" line="+6" />
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../src/core/domain/sales.h" line="+1" />
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../src/core/domain/sales.h" line="+1" />
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../src/core/domain/sales.h" line="+1" />
        <source>Card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Online (card)</source>
        <translation>En ligne (carte)</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Money (numéraire)</source>
        <translation>Numéraire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Listed securities</source>
        <translation>Titres de sociétés cotés</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other: goods or services given in kind</source>
        <translation>Autres : biens ou services donnés en nature</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other: expenses waived by a volunteer</source>
        <translation>Autres : frais engagés par un bénévole et abandonnés</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Other form</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Declaration of a manual gift</source>
        <translation>Déclaration de don manuel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Private deed</source>
        <translation>Acte sous seing privé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Authentic deed</source>
        <translation>Acte authentique</translation>
    </message>
    <message>
        <location line="+65" />
        <source>receipt</source>
        <translation>reçu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>cancellation</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/orders.cpp" line="+8" />
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/budget.h" line="+24" />
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expense</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location line="+94" />
        <source>Expenses</source>
        <comment>action budget</comment>
        <translation>Charges</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Indirect costs</source>
        <translation>Charges indirectes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Use of contributions in kind</source>
        <translation>Emploi des contributions volontaires en nature</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resources</source>
        <comment>action budget</comment>
        <translation>Ressources</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Contributions in kind received</source>
        <translation>Contributions volontaires en nature</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Awaited</source>
        <translation>Attendue</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+20" />
        <source>Granted</source>
        <comment>subsidy</comment>
        <translation>Accordée</translation>
    </message>
    <message>
        <location line="-19" />
        <location line="+25" />
        <source>Refused</source>
        <comment>subsidy</comment>
        <translation>Refusée</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Requested</source>
        <comment>subsidy</comment>
        <translation>Demandée</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Being paid</source>
        <comment>subsidy</comment>
        <translation>En cours de versement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paid</source>
        <comment>subsidy</comment>
        <translation>Versée</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Accounted for</source>
        <comment>subsidy</comment>
        <translation>Compte rendu envoyé</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/school.h" line="+98" />
        <source>Franchise en base (art. 293 B of the CGI)</source>
        <translation>Franchise en base de TVA (art. 293 B du CGI)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subject to VAT</source>
        <translation>Assujetti à la TVA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Non-profit association outside VAT (art. 261-7-1° b of the CGI)</source>
        <translation>Association sans but lucratif hors TVA (art. 261-7-1° b du CGI)</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/trainee.h" line="+36" />
        <source>candidate</source>
        <translation>candidat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>enrolled</source>
        <translation>inscrit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>left</source>
        <translation>sorti</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not admitted</source>
        <translation>non admis</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/career.h" line="+60" />
        <source>registered</source>
        <translation>inscrit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>passed</source>
        <translation>obtenu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>failed</source>
        <translation>non obtenu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <location line="+26" />
        <source>at exit</source>
        <translation>à la sortie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>after 6 months</source>
        <translation>à 6 mois</translation>
    </message>
    <message>
        <location line="+1" />
        <source>after 12 months</source>
        <translation>à 12 mois</translation>
    </message>
    <message>
        <location line="+19" />
        <source>open-ended job (CDI)</source>
        <translation>emploi en CDI</translation>
    </message>
    <message>
        <location line="+1" />
        <source>fixed-term job (CDD)</source>
        <translation>emploi en CDD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>temporary work</source>
        <translation>intérim</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../src/core/domain/trainee.h" line="+9" />
        <source>apprenticeship</source>
        <translation>apprentissage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>further training</source>
        <translation>poursuite de formation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>looking for work</source>
        <translation>en recherche d'emploi</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/trainee.h" line="+1" />
        <source>job</source>
        <translation>emploi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>training elsewhere</source>
        <translation>formation ailleurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>end of course</source>
        <translation>fin de formation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>moved away</source>
        <translation>déménagement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>personal reasons</source>
        <translation>raisons personnelles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>exclusion</source>
        <translation>exclusion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>dropped out</source>
        <translation>abandon</translation>
    </message>
    <message>
        <location line="+17" />
        <source>entry</source>
        <translation>entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>return</source>
        <translation>retour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change of section</source>
        <translation>changement de section</translation>
    </message>
    <message>
        <location line="+54" />
        <source>mother</source>
        <translation>mère</translation>
    </message>
    <message>
        <location line="+1" />
        <source>father</source>
        <translation>père</translation>
    </message>
    <message>
        <location line="+1" />
        <source>legal guardian</source>
        <translation>tuteur légal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>educator (ASE)</source>
        <translation>éducateur (ASE)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>other</source>
        <comment>guardian</comment>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/career.h" line="-1" />
        <location filename="../../src/core/domain/trainee.h" line="-76" />
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/user.h" line="+24" />
        <source>direction</source>
        <translation>direction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>office staff</source>
        <translation>secrétariat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>trainer</source>
        <translation>formateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>read only</source>
        <translation>lecture</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/attendance.h" line="+41" />
        <source>workshop</source>
        <translation>atelier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>class</source>
        <translation>cours</translation>
    </message>
    <message>
        <location line="+36" />
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>excused absence</source>
        <translation>absence justifiée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unexcused absence</source>
        <translation>absence injustifiée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>late</source>
        <translation>retard</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in internship</source>
        <translation>en stage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>excluded</source>
        <translation>exclu</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/tyrehotel.h" line="+24" />
        <source>Summer</source>
        <translation>Été</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Winter</source>
        <translation>Hiver</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All-season</source>
        <translation>Toutes saisons</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/catalogue.h" line="+25" />
        <source>piece</source>
        <translation>pièce</translation>
    </message>
    <message>
        <location line="+1" />
        <source>hour</source>
        <translation>heure</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location line="+1" />
        <source>metre</source>
        <translation>mètre</translation>
    </message>
    <message>
        <location line="+1" />
        <source>flat rate</source>
        <translation>forfait</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/production.h" line="+26" />
        <source>Production for a customer</source>
        <translation>Production pour un client</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Training exercise</source>
        <translation>Exercice de formation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Workshop upkeep</source>
        <translation>Entretien de l'atelier</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/staff.h" line="+23" />
        <source>Employee</source>
        <translation>Salarié</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Volunteer</source>
        <translation>Bénévole</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Direction</source>
        <comment>job</comment>
        <translation>Direction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Master trainer</source>
        <translation>Maître professionnel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <comment>job</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/audit.h" line="+57" />
        <source>school settings</source>
        <comment>audit trail</comment>
        <translation>paramètres de l'établissement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>section</source>
        <comment>audit trail</comment>
        <translation>section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>skill</source>
        <comment>audit trail</comment>
        <translation>compétence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>user account</source>
        <comment>audit trail</comment>
        <translation>compte utilisateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>session</source>
        <comment>audit trail</comment>
        <translation>session</translation>
    </message>
    <message>
        <location line="+1" />
        <source>database</source>
        <comment>audit trail</comment>
        <translation>base de données</translation>
    </message>
    <message>
        <location line="+1" />
        <source>trainee</source>
        <comment>audit trail</comment>
        <translation>jeune</translation>
    </message>
    <message>
        <location line="+2" />
        <source>organisation</source>
        <comment>audit trail</comment>
        <translation>organisme</translation>
    </message>
    <message>
        <location line="+2" />
        <source>attendance</source>
        <comment>audit trail</comment>
        <translation>présences</translation>
    </message>
    <message>
        <location line="+2" />
        <source>catalogue item</source>
        <comment>audit trail</comment>
        <translation>article du catalogue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>production log entry</source>
        <comment>audit trail</comment>
        <translation>entrée du journal d'atelier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>team member</source>
        <comment>audit trail</comment>
        <translation>membre de l'équipe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>volunteer hours</source>
        <comment>audit trail</comment>
        <translation>heures de bénévolat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>contact</source>
        <comment>audit trail</comment>
        <translation>contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>vehicle</source>
        <comment>audit trail</comment>
        <translation>véhicule</translation>
    </message>
    <message>
        <location line="+1" />
        <source>quote</source>
        <comment>audit trail</comment>
        <translation>devis</translation>
    </message>
    <message>
        <location line="+2" />
        <source>work order</source>
        <comment>audit trail</comment>
        <translation>bon de travaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>invoice</source>
        <comment>audit trail</comment>
        <translation>facture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>payment</source>
        <comment>audit trail</comment>
        <translation>règlement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>bank statement</source>
        <comment>audit trail</comment>
        <translation>relevé bancaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closing</source>
        <comment>audit trail</comment>
        <translation>clôture</translation>
    </message>
    <message>
        <location line="+2" />
        <source>set of tyres in storage</source>
        <comment>audit trail</comment>
        <translation>jeu de pneus en gardiennage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>gift</source>
        <comment>audit trail</comment>
        <translation>don</translation>
    </message>
    <message>
        <location line="+2" />
        <source>tax receipt</source>
        <comment>audit trail</comment>
        <translation>reçu fiscal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>member</source>
        <comment>audit trail</comment>
        <translation>adhérent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>membership fee</source>
        <comment>audit trail</comment>
        <translation>cotisation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>financial year</source>
        <comment>audit trail</comment>
        <translation>exercice comptable</translation>
    </message>
    <message>
        <location line="+2" />
        <source>budget entry</source>
        <comment>audit trail</comment>
        <translation>écriture du budget</translation>
    </message>
    <message>
        <location line="+2" />
        <source>budget forecast</source>
        <comment>audit trail</comment>
        <translation>prévision du budget</translation>
    </message>
    <message>
        <location line="+2" />
        <source>apprenticeship tax</source>
        <comment>audit trail</comment>
        <translation>taxe d'apprentissage</translation>
    </message>
    <message>
        <location line="+2" />
        <source>amount set by law</source>
        <comment>audit trail</comment>
        <translation>montant fixé par la loi</translation>
    </message>
    <message>
        <location line="+2" />
        <source>account of the chart</source>
        <comment>audit trail</comment>
        <translation>compte du plan comptable</translation>
    </message>
    <message>
        <location line="+2" />
        <source>reference value</source>
        <comment>audit trail</comment>
        <translation>valeur de référence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>subsidy</source>
        <comment>audit trail</comment>
        <translation>subvention</translation>
    </message>
    <message>
        <location line="+2" />
        <source>report text</source>
        <comment>audit trail</comment>
        <translation>texte de rapport</translation>
    </message>
    <message>
        <location line="+2" />
        <source>year's archive</source>
        <comment>audit trail</comment>
        <translation>archive de l'exercice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>audit trail</source>
        <comment>audit trail</comment>
        <translation>journal des modifications</translation>
    </message>
    <message>
        <location line="+2" />
        <source>skill framework</source>
        <comment>audit trail</comment>
        <translation>référentiel de compétences</translation>
    </message>
    <message>
        <location line="+2" />
        <source>evaluation</source>
        <comment>audit trail</comment>
        <translation>évaluation</translation>
    </message>
    <message>
        <location line="+23" />
        <source>created</source>
        <comment>audit trail</comment>
        <translation>création</translation>
    </message>
    <message>
        <location line="+1" />
        <source>changed</source>
        <comment>audit trail</comment>
        <translation>modification</translation>
    </message>
    <message>
        <location line="+1" />
        <source>deleted</source>
        <comment>audit trail</comment>
        <translation>suppression</translation>
    </message>
    <message>
        <location line="+1" />
        <source>logged in</source>
        <comment>audit trail</comment>
        <translation>connexion</translation>
    </message>
    <message>
        <location line="+2" />
        <source>failed login</source>
        <comment>audit trail</comment>
        <translation>échec de connexion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>account locked</source>
        <comment>audit trail</comment>
        <translation>compte verrouillé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>password changed</source>
        <comment>audit trail</comment>
        <translation>mot de passe changé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>exported</source>
        <comment>audit trail</comment>
        <translation>export</translation>
    </message>
    <message>
        <location line="+2" />
        <source>anonymised</source>
        <comment>audit trail</comment>
        <translation>anonymisation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>restored</source>
        <comment>audit trail</comment>
        <translation>restauration</translation>
    </message>
    <message>
        <location line="+1" />
        <source>read</source>
        <comment>audit trail</comment>
        <translation>consultation</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/customerkind.h" line="+24" />
        <source>Private person</source>
        <translation>Particulier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Public body</source>
        <translation>Organisme public</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other organisation</source>
        <translation>Autre organisme</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/closing.h" line="+25" />
        <source>Monthly closing</source>
        <translation>Clôture mensuelle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Yearly closing</source>
        <translation>Clôture annuelle</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/legal.h" line="+36" />
        <source>Franchise threshold, sales of goods</source>
        <translation>Seuil de la franchise, ventes de biens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Franchise threshold, services</source>
        <translation>Seuil de la franchise, prestations de services</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Non-profit association's threshold (commercial receipts)</source>
        <translation>Seuil des associations sans but lucratif (recettes commerciales)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cash payment ceiling (payer living in France)</source>
        <translation>Plafond des paiements en espèces (payeur domicilié en France)</translation>
    </message>
    <message>
        <location filename="../../src/core/storage/databaselocation.h" line="+24" />
        <source>Not encrypted (local network only)</source>
        <translation>Non chiffrée (réseau local seulement)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Encrypted when the server offers it</source>
        <translation>Chiffrée si le serveur le propose</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Always encrypted</source>
        <translation>Toujours chiffrée</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Encrypted, the server's certificate verified</source>
        <translation>Chiffrée, certificat du serveur vérifié</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/accounting.h" line="+36" />
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales of goods</source>
        <translation>Ventes de marchandises</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Services sold</source>
        <translation>Prestations de services</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VAT collected</source>
        <translation>TVA collectée</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+53" />
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location line="-52" />
        <location line="+53" />
        <source>Cash box</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location line="-51" />
        <source>Cheques to deposit</source>
        <translation>Chèques à encaisser</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gifts from private persons</source>
        <translation>Dons des particuliers</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gifts from organisations (sponsorship)</source>
        <translation>Dons des organismes (mécénat)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Securities given</source>
        <translation>Titres donnés</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Expenses waived by volunteers</source>
        <translation>Frais abandonnés par les bénévoles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subsidies receivable</source>
        <translation>Subventions à recevoir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Apprenticeship tax</source>
        <translation>Taxe d'apprentissage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Members' dues</source>
        <translation>Cotisations des membres</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Miscellaneous operations</source>
        <translation>Opérations diverses</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/bank.h" line="+24" />
        <source>OFX</source>
        <translation>OFX</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CAMT.053 (ISO 20022)</source>
        <translation>CAMT.053 (ISO 20022)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bank CSV</source>
        <translation>CSV de la banque</translation>
    </message>
    <message>
        <location line="+39" />
        <source>To reconcile</source>
        <translation>À rapprocher</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reconciled</source>
        <translation>Rapprochée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Left aside</source>
        <translation>Mise de côté</translation>
    </message>
    <message>
        <location filename="../../src/core/domain/learning.h" line="+28" />
        <source>not started</source>
        <translation>non abordé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>being acquired</source>
        <translation>en cours d'acquisition</translation>
    </message>
    <message>
        <location line="+1" />
        <source>acquired</source>
        <translation>acquis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mastered</source>
        <translation>maîtrisé</translation>
    </message>
</context>
<context>
    <name>etabli::ContactDialog</name>
    <message>
        <location filename="../../src/gui/sales/contactdialog.cpp" line="+30" />
        <source>C&amp;ustomer</source>
        <translation>C&amp;lient</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Internship host</source>
        <translation>Accueille des stag&amp;iaires</translation>
    </message>
    <message>
        <location line="+0" />
        <source>D&amp;onor</source>
        <translation>&amp;Donateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Funder</source>
        <translation>&amp;Financeur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Su&amp;pplier</source>
        <translation>F&amp;ournisseur</translation>
    </message>
    <message>
        <location line="+5" />
        <source>14 digits</source>
        <translation>14 chiffres</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A company's tax receipt (Cerfa 16216) names its legal form.</source>
        <translation>Le reçu fiscal d'une entreprise (Cerfa 16216) indique sa forme juridique.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First na&amp;me</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;SIRET</source>
        <translation>&amp;SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Legal form</source>
        <translation>&amp;Forme juridique</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Postcode, town</source>
        <translation>&amp;Code postal, ville</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Telephone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remar&amp;ks</source>
        <translation>Re&amp;marques</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Vehicles</source>
        <translation>Véhicules</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add a &amp;vehicle…</source>
        <translation>Ajouter un &amp;véhicule…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Chan&amp;ge the vehicle…</source>
        <translation>Mo&amp;difier le véhicule…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Save</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 is added to the contacts.</source>
        <translation>« %1 » est ajouté aux contacts : ses véhicules peuvent être saisis dès maintenant.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <location line="+113" />
        <source>New vehicle</source>
        <translation>Nouveau véhicule</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Vehicle %1</source>
        <translation>Véhicule %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Plate</source>
        <translation>&amp;Plaque</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Make</source>
        <translation>&amp;Marque</translation>
    </message>
    <message>
        <location line="+1" />
        <source>M&amp;odel</source>
        <translation>M&amp;odèle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Tyre size</source>
        <translation>&amp;Dimension des pneus</translation>
    </message>
</context>
<context>
    <name>etabli::ContactImportDialog</name>
    <message>
        <location filename="../../src/gui/sales/contactimportdialog.cpp" line="+23" />
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <location line="+2" />
        <source>host</source>
        <translation>accueil de stage</translation>
    </message>
    <message>
        <location line="+2" />
        <source>donor</source>
        <translation>donateur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>funder</source>
        <translation>financeur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>supplier</source>
        <translation>fournisseur</translation>
    </message>
    <message>
        <location line="+7" />
        <source>refused: %1</source>
        <translation>refusée : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>new contact</source>
        <translation>nouveau contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>same SIRET</source>
        <translation>même SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>same name and postcode</source>
        <translation>même nom et même code postal</translation>
    </message>
    <message>
        <location line="+3" />
        <source>already recorded as “%1” (%2): nothing to add</source>
        <translation>déjà enregistré comme « %1 » (%2) : rien à ajouter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>merge into “%1” (%2): adds %3</source>
        <translation>fusionner avec « %1 » (%2) : ajoute %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>skip: already recorded as “%1” (%2)</source>
        <translation>ignorer : déjà enregistré comme « %1 » (%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>create a second contact beside “%1”</source>
        <translation>créer un second contact à côté de « %1 »</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Kept as recorded (the file says otherwise): %1</source>
        <translation>Gardé comme enregistré (le fichier dit autre chose) : %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+5" />
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What happens</source>
        <translation>Ce qui sera fait</translation>
    </message>
    <message>
        <location line="-24" />
        <source>An Excel workbook (.xlsx, its first sheet) or a CSV file (separator ; or ,). Recognised columns: type, nom, prénom, SIRET, forme juridique, adresse, complément d'adresse, code postal, ville, téléphone, courriel, notes, rôles (client, donateur, financeur, accueil de stage, fournisseur) or one column per role with oui/non. The exports of Dolibarr (third parties, contacts) and Paheko (members) are read as they are. A contact with the same SIRET, or the same name and postcode, as one already recorded is proposed for merging: its empty fields are filled, nothing it holds is overwritten.</source>
        <translation>Un classeur Excel (.xlsx, sa première feuille) ou un fichier CSV (séparateur ; ou ,). Colonnes reconnues : type, nom, prénom, SIRET, forme juridique, adresse, complément d'adresse, code postal, ville, téléphone, courriel, notes, rôles (client, donateur, financeur, accueil de stage, fournisseur) ou une colonne par rôle avec oui/non. Les exports de Dolibarr (tiers, contacts) et de Paheko (membres) sont lus tels quels. Un contact qui a le même SIRET, ou le même nom et le même code postal, qu'un contact déjà enregistré est proposé à la fusion : ses champs vides sont complétés, rien de ce qu'il contient n'est écrasé.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Lines without a role are &amp;added as:</source>
        <translation>Les lignes sans rôle sont &amp;ajoutées comme :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>as the file says (customers; Paheko: donors)</source>
        <translation>selon le fichier (clients ; Paheko : donateurs)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>customers</source>
        <translation>clients</translation>
    </message>
    <message>
        <location line="+1" />
        <source>internship hosts</source>
        <translation>entreprises d'accueil</translation>
    </message>
    <message>
        <location line="+1" />
        <source>donors</source>
        <translation>donateurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>funders</source>
        <translation>financeurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>suppliers</source>
        <translation>fournisseurs</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Selected look-alikes:</source>
        <translation>Doublons sélectionnés :</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Merge (F)</source>
        <translation>&amp;Fusionner (F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Skip (I)</source>
        <translation>I&amp;gnorer (I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Create all the &amp;same (C)</source>
        <translation>&amp;Créer quand même (C)</translation>
    </message>
    <message>
        <location line="+71" />
        <source>%1 line(s) read (%2, %3): %4 ready, of which %5 already in the directory; %6 refused.</source>
        <translation>%1 ligne(s) lue(s) (%2, %3) : %4 prête(s), dont %5 déjà dans le répertoire ; %6 refusée(s).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ignored columns: %1.</source>
        <translation>Colonnes ignorées : %1.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing is imported while lines are refused, unless you choose to leave them out.</source>
        <translation>Rien n'est importé tant que des lignes sont refusées, sauf si vous choisissez de les laisser de côté.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Importing the contacts…</source>
        <translation>Import des contacts…</translation>
    </message>
</context>
<context>
    <name>etabli::ContactListModel</name>
    <message>
        <location filename="../../src/gui/sales/contactlistmodel.cpp" line="+10" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+0" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location line="+28" />
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <location line="+2" />
        <source>internship host</source>
        <translation>lieu de stage</translation>
    </message>
    <message>
        <location line="+2" />
        <source>donor</source>
        <translation>donateur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>funder</source>
        <translation>financeur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>supplier</source>
        <translation>fournisseur</translation>
    </message>
</context>
<context>
    <name>etabli::ContactsPage</name>
    <message>
        <location filename="../../src/gui/sales/contactspage.cpp" line="+21" />
        <source>Search a name, a town, a postcode…</source>
        <translation>Chercher un nom, une ville, un code postal…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Contacts from a spreadsheet, or exported from Dolibarr or Paheko (.xlsx or CSV).</source>
        <translation>Des contacts depuis un tableur, ou exportés de Dolibarr ou de Paheko (.xlsx ou CSV).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Internship hosts</source>
        <translation>Lieux de stage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Donors</source>
        <translation>Donateurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suppliers</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Plate: AB-123-CD</source>
        <translation>Plaque : AB-123-CD</translation>
    </message>
    <message>
        <location line="+44" />
        <source>%1 contact(s) created, %2 merged, %3 left as they were.</source>
        <translation>%1 contact(s) créé(s), %2 fusionné(s), %3 laissé(s) tel(s) quel(s).</translation>
    </message>
    <message>
        <location line="-69" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New contact…</source>
        <translation>&amp;Nouveau contact…</translation>
    </message>
</context>
<context>
    <name>etabli::CourseTab</name>
    <message>
        <location filename="../../src/gui/trainees/coursetab.cpp" line="+48" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Host</source>
        <translation>Organisme d'accueil</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tutor</source>
        <translation>Tuteur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>Appréciation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assessment</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+162" />
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location line="-161" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;b&gt;Internships&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stages&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add an &amp;internship…</source>
        <translation>Ajouter un &amp;stage…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+12" />
        <location line="+215" />
        <location line="+14" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="-235" />
        <source>&lt;b&gt;Certifications&lt;/b&gt;</source>
        <translation>&lt;b&gt;Certifications&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add a &amp;certification…</source>
        <translation>Ajouter une &amp;certification…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ed&amp;it…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <location line="+71" />
        <source>New internship</source>
        <translation>Nouveau stage</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Internship</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&amp;Host (choose or type a new name)</source>
        <translation>&amp;Organisme d'accueil (choisir ou saisir un nouveau nom)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Tutor</source>
        <translation>&amp;Tuteur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location line="+1" />
        <source>T&amp;o</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Schedule</source>
        <translation>&amp;Horaires</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Assessment</source>
        <translation>É&amp;valuation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Grade</source>
        <translation>&amp;Appréciation</translation>
    </message>
    <message>
        <location line="+49" />
        <source>New in the catalogue…</source>
        <translation>Nouvelle au catalogue…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>&amp;Certification</source>
        <translation>&amp;Certification</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+4" />
        <source>New certification</source>
        <translation>Nouvelle certification</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Short name (e.g. CAP MV):</source>
        <translation>Sigle (par exemple CAP MV) :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Full title:</source>
        <translation>Intitulé complet :</translation>
    </message>
    <message>
        <location line="-19" />
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Result</source>
        <translation>&amp;Résultat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Date of the result</source>
        <translation>&amp;Date du résultat</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Remove this internship?</source>
        <translation>Retirer ce stage ?</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Remove this certification session?</source>
        <translation>Retirer cette session de certification ?</translation>
    </message>
</context>
<context>
    <name>etabli::CustomerChooser</name>
    <message>
        <location filename="../../src/gui/sales/customerchooser.cpp" line="+29" />
        <source>Type the customer's name, town or postcode…</source>
        <translation>Tapez le nom du client, sa ville ou son code postal…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the customer in the list, or create it.</source>
        <translation>Choisissez le client dans la liste, ou créez-le.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the donor's name, town or postcode…</source>
        <translation>Tapez le nom du donateur, sa ville ou son code postal…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the donor in the list, or create it.</source>
        <translation>Choisissez le donateur dans la liste, ou créez-le.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the funder's name (Région, Département…)…</source>
        <translation>Tapez le nom du financeur (Région, Département…)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the funder in the list, or create it.</source>
        <translation>Choisissez le financeur dans la liste, ou créez-le.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the company's name or town…</source>
        <translation>Tapez le nom de l'entreprise ou sa ville…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the company in the list, or create it.</source>
        <translation>Choisissez l'entreprise dans la liste, ou créez-la.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the member's name or town…</source>
        <translation>Tapez le nom de l'adhérent ou sa ville…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the member in the list, or create it.</source>
        <translation>Choisissez l'adhérent dans la liste, ou créez-le.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type a name, a town or a postcode…</source>
        <translation>Tapez un nom, une ville ou un code postal…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the contact in the list, or create it.</source>
        <translation>Choisissez le contact dans la liste, ou créez-le.</translation>
    </message>
    <message>
        <location line="+82" />
        <source>Create “%1”…</source>
        <translation>Créer « %1 »…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No contact matches “%1”: choose “Create” to add it.</source>
        <translation>Aucun contact ne correspond à « %1 » : choisissez « Créer » pour l'ajouter.</translation>
    </message>
</context>
<context>
    <name>etabli::DashboardPage</name>
    <message>
        <location filename="../../src/gui/dashboard/dashboardpage.cpp" line="+40" />
        <source>Export to PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>First steps</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The school's identity: address and SIRET (printed on every invoice)</source>
        <translation>L'identité de l'école : adresse et SIRET (imprimés sur chaque facture)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Its workshops (sections)</source>
        <translation>Ses ateliers (sections)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The team's accounts: office, trainers</source>
        <translation>Les comptes de l'équipe : secrétariat, formateurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The trainees: enter them, or import them from a spreadsheet</source>
        <translation>Les jeunes : les saisir, ou les importer d'un tableur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The first catalogue items: what the workshops make and sell</source>
        <translation>Les premiers articles du catalogue : ce que les ateliers fabriquent et vendent</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Trainees enrolled</source>
        <translation>Jeunes inscrits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applications pending</source>
        <translation>Candidatures en attente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries this school year</source>
        <translation>Entrées cette année scolaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exits this school year</source>
        <translation>Sorties cette année scolaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active sections</source>
        <translation>Sections actives</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainees trained since the start</source>
        <translation>Jeunes formés depuis l'ouverture</translation>
    </message>
    <message>
        <location line="+2" />
        <source>By section</source>
        <translation>Par section</translation>
    </message>
    <message>
        <location line="-67" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Applications</source>
        <translation>Candidatures</translation>
    </message>
    <message>
        <location line="+128" />
        <source>School year %1 — %2</source>
        <translation>Année scolaire %1 — %2</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Financial year %1: self-financing &lt;b&gt;%2 %&lt;/b&gt; (target %3 %).</source>
        <translation>Exercice %1 : autofinancement &lt;b&gt;%2 %&lt;/b&gt; (objectif %3 %).</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Subsidies: %n thing(s) due within a month, the first on %1 (%2).</source>
        <translation>
            <numerusform>Subventions : %n échéance dans le mois, le %1 (%2).</numerusform>
            <numerusform>Subventions : %n échéances dans le mois, la première le %1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>Printed on %1</source>
        <translation>Édité le %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The summary was saved to %1.</source>
        <translation>Le tableau de bord a été enregistré dans %1.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>summary-%1.pdf</source>
        <translation>tableau-de-bord-%1.pdf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export the summary</source>
        <translation>Exporter le tableau de bord</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>etabli::DateField</name>
    <message>
        <location filename="../../src/gui/common/datefield.cpp" line="+20" />
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Calendar (Alt+Down)</source>
        <translation>Calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Enter the date (dd/mm/yyyy).</source>
        <translation>Indiquez la date (jj/mm/aaaa).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1” is not a date: type it as 12/03/2011.</source>
        <translation>« %1 » n'est pas une date : tapez-la comme 12/03/2011.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date cannot be before %1.</source>
        <translation>La date ne peut pas être avant le %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date cannot be after %1.</source>
        <translation>La date ne peut pas être après le %1.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>etabli::DirectorDialog</name>
    <message>
        <location filename="../../src/gui/access/directordialog.cpp" line="+21" />
        <source>One workshop per line: Mécanique, then Enter, Menuiserie…</source>
        <translation>Un atelier par ligne : Mécanique, puis Entrée, Menuiserie…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Workshops</source>
        <translation>&amp;Ateliers</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The director's account</source>
        <translation>Le compte de la direction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This database has no account yet. Create the director's account: it can do everything, including creating the other accounts.</source>
        <translation>Cette base n'a pas encore de compte. Créez le compte de la direction : il peut tout faire, y compris créer les autres comptes.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Give the school's name.</source>
        <translation>Indiquez le nom de l'école.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>etabli::DonationListModel</name>
    <message>
        <location filename="../../src/gui/funding/donationlistmodel.cpp" line="+12" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose</source>
        <translation>Affectation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tax receipt</source>
        <translation>Reçu fiscal</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Money</source>
        <translation>Numéraire</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Securities: %1</source>
        <translation>Titres : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>In kind: %1</source>
        <translation>En nature : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Expenses waived: %1</source>
        <translation>Abandon de frais : %1</translation>
    </message>
</context>
<context>
    <name>etabli::DonationsPage</name>
    <message>
        <location filename="../../src/gui/funding/donationspage.cpp" line="+218" />
        <source>Tax receipt</source>
        <translation>Reçu fiscal</translation>
    </message>
    <message>
        <location line="-185" />
        <source>Search a donor…</source>
        <translation>Rechercher un donateur…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;New gift…</source>
        <translation>&amp;Nouveau don…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue the &amp;receipt</source>
        <translation>Émettre le &amp;reçu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Annual receipts…</source>
        <translation>Reçus &amp;annuels…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print the receipt…</source>
        <translation>&amp;Imprimer le reçu…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel the receipt…</source>
        <translation>Annuler le reçu…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Yearly &amp;declaration…</source>
        <translation>&amp;Déclaration annuelle…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import from &amp;HelloAsso…</source>
        <translation>Importer depuis &amp;HelloAsso…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>All gifts</source>
        <translation>Tous les dons</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Without a tax receipt</source>
        <translation>Sans reçu fiscal</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The gifts received in a year that gave rise to a tax receipt, and the number of receipts: what art. 222 bis of the tax code asks to declare.</source>
        <translation>Les dons reçus dans l'année qui ont donné lieu à un reçu fiscal, et le nombre de reçus : ce que l'article 222 bis du CGI demande de déclarer.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A tax receipt for the chosen gift alone.</source>
        <translation>Un reçu fiscal pour le seul don choisi.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>One receipt per donor for all the gifts of a year not yet receipted.</source>
        <translation>Un reçu par donateur pour tous ses dons d'une année pas encore reçus.</translation>
    </message>
    <message>
        <location line="-28" />
        <source>Gifts</source>
        <translation>Dons</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The gifts collected online: the payments' export of a HelloAsso campaign or form.</source>
        <translation>Les dons collectés en ligne : l'export des paiements d'une campagne ou d'un formulaire HelloAsso.</translation>
    </message>
    <message numerus="yes">
        <location line="+27" />
        <source>%n gift(s) recorded from HelloAsso.</source>
        <translation>
            <numerusform>%n don enregistré depuis HelloAsso.</numerusform>
            <numerusform>%n dons enregistrés depuis HelloAsso.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32" />
        <source>New gift</source>
        <translation>Nouveau don</translation>
    </message>
    <message>
        <location line="+11" />
        <source>An ordinary gift by cheque, transfer, card or in cash is “Other”. A declaration of a manual gift is the one the donor made to the tax office (form 2735); a deed is one signed before a notary (authentic) or between the parties (private).</source>
        <translation>Un don ordinaire par chèque, virement, carte ou en espèces relève de « Autres ». La déclaration de don manuel est celle que le donateur a faite aux impôts (formulaire 2735) ; un acte est signé devant notaire (authentique) ou entre les parties (sous seing privé).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>If the donor restricted the gift to a use</source>
        <translation>Si le donateur a affecté son don à un usage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Donor:</source>
        <translation>&amp;Donateur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>D&amp;ay:</source>
        <translation>D&amp;ate :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A&amp;mount or value:</source>
        <translation>&amp;Montant ou valeur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Na&amp;ture:</source>
        <translation>&amp;Nature :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Form:</source>
        <translation>&amp;Forme :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Method:</source>
        <translation>M&amp;ode :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Des&amp;cription:</source>
        <translation>Des&amp;cription :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Valuation:</source>
        <translation>&amp;Valorisation :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;roof kept:</source>
        <translation>&amp;Justificatifs :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Purpose:</source>
        <translation>Affec&amp;tation :</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Which securities: company, number of shares</source>
        <translation>Quels titres : société, nombre d'actions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Their price on the day of the gift</source>
        <translation>Leur cours le jour du don</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The transfer order, the broker's statement</source>
        <translation>L'ordre de transfert, le relevé de la banque</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What was given: goods, a service</source>
        <translation>Ce qui a été donné : un bien, un service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How it was valued: invoice, catalogue price, estimate</source>
        <translation>Comment il a été évalué : facture, prix catalogue, estimation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The invoice or the estimate kept</source>
        <translation>La facture ou l'estimation conservée</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The expense: what, when, for which activity</source>
        <translation>Les frais : quoi, quand, pour quelle activité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipts, or kilometres × the tax mileage scale</source>
        <translation>Justificatifs, ou kilomètres × barème kilométrique</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The receipts and the volunteer's written waiver (required)</source>
        <translation>Pièces de dépense et renonciation écrite (obligatoires)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The gift is recorded.</source>
        <translation>Le don est enregistré.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Choose a gift in the list.</source>
        <translation>Choisissez un don dans la liste.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Issue a tax receipt for this gift? Once issued, a receipt is kept for ever: a mistake is undone by cancelling it.</source>
        <translation>Émettre un reçu fiscal pour ce don ? Une fois émis, un reçu est conservé pour toujours : une erreur se corrige en l'annulant.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The tax receipt %1 is issued.</source>
        <translation>Le reçu fiscal %1 est émis.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The tax receipt is issued.</source>
        <translation>Le reçu fiscal est émis.</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+22" />
        <source>Annual receipts</source>
        <translation>Reçus annuels</translation>
    </message>
    <message>
        <location line="-21" />
        <source>One receipt per donor for the gifts of the year not yet receipted. Year:</source>
        <translation>Un reçu par donateur pour les dons de l'année pas encore reçus. Année :</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Every gift of %1 already has its receipt.</source>
        <translation>Chaque don de %1 a déjà son reçu.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Issue %n receipt(s) for the gifts of %1?</source>
        <translation>
            <numerusform>Émettre %n reçu pour les dons de %1 ?</numerusform>
            <numerusform>Émettre %n reçus pour les dons de %1 ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>%n receipt(s) issued.</source>
        <translation>
            <numerusform>%n reçu émis.</numerusform>
            <numerusform>%n reçus émis.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+33" />
        <source>Choose a gift that has a tax receipt.</source>
        <translation>Choisissez un don qui a un reçu fiscal.</translation>
    </message>
    <message>
        <location line="-19" />
        <source>Yearly declaration of tax receipts</source>
        <translation>Déclaration annuelle des reçus fiscaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Civil year of the gifts to declare:</source>
        <translation>Année civile des dons à déclarer :</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Cancel the receipt %1</source>
        <translation>Annuler le reçu %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The receipt stays in the register; a cancellation record is issued. Why is it cancelled?</source>
        <translation>Le reçu reste au registre ; un avis d'annulation est émis. Pourquoi l'annuler ?</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The receipt %1 is cancelled.</source>
        <translation>Le reçu %1 est annulé.</translation>
    </message>
</context>
<context>
    <name>etabli::EditingDialog</name>
    <message>
        <location filename="../../src/gui/common/editingdialog.cpp" line="+138" />
        <source>Reload their version</source>
        <translation>Recharger sa version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy my changes, then reload</source>
        <translation>Copier mes changements, puis recharger</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go on editing</source>
        <translation>Continuer à modifier</translation>
    </message>
    <message>
        <location line="+32" />
        <source>What was typed in this window is not saved.</source>
        <translation>Ce qui a été saisi dans cette fenêtre n'est pas enregistré.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Throw away the changes, or go back to the form to save them?</source>
        <translation>Abandonner les modifications, ou revenir au formulaire pour les enregistrer ?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Throw away the changes</source>
        <translation>&amp;Abandonner les modifications</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Go back to the form</source>
        <translation>&amp;Revenir au formulaire</translation>
    </message>
</context>
<context>
    <name>etabli::EvaluationGridModel</name>
    <message numerus="yes">
        <location filename="../../src/gui/trainees/evaluationgridmodel.cpp" line="+207" />
        <source>%n job(s) of the log practised it.</source>
        <translation>
            <numerusform>%n travail du journal l'a mise en œuvre.</numerusform>
            <numerusform>%n travaux du journal l'ont mise en œuvre.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 — typed, not saved yet. %2</source>
        <translation>%1 — saisi, pas encore enregistré. %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 on %2 by %3. %4</source>
        <translation>%1 le %2 par %3. %4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not evaluated yet. %1</source>
        <translation>Pas encore évaluée. %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>%1 %2 — acquired or mastered by %3 of %4 trainees.</source>
        <translation>%1 %2 — acquise ou maîtrisée par %3 jeunes sur %4.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>customer's order</source>
        <translation>commande client</translation>
    </message>
    <message>
        <location line="+0" />
        <source>exercise or school work</source>
        <translation>exercice ou travaux de l'école</translation>
    </message>
    <message>
        <location line="+1" />
        <source>n° %1</source>
        <translation>n° %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — %2 (%3) — %4</source>
        <translation>%1 — %2 (%3) — %4</translation>
    </message>
</context>
<context>
    <name>etabli::FinancialYearsPage</name>
    <message>
        <location filename="../../src/gui/funding/fundinglists.cpp" line="+153" />
        <source>Financial year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Targets (production / gifts / subsidies)</source>
        <translation>Objectifs (production / dons / subventions)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Reopen…</source>
        <translation>&amp;Rouvrir…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A closed year can no longer be changed: no gift, entry, dues or subsidy amount dated in it. Only the direction may reopen one, saying why.</source>
        <translation>Un exercice clos ne change plus : aucun don, écriture, cotisation ni montant de subvention daté dans l'exercice. Seule la direction peut le rouvrir, en disant pourquoi.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Open the next year</source>
        <translation>&amp;Ouvrir l'exercice suivant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Targets…</source>
        <translation>&amp;Objectifs…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close…</source>
        <translation>&amp;Clore…</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Current</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location line="+99" />
        <source>The financial year %1 is open.</source>
        <translation>L'exercice %1 est ouvert.</translation>
    </message>
    <message>
        <location line="-48" />
        <source>Choose a financial year in the list.</source>
        <translation>Choisissez un exercice dans la liste.</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Targets of %1</source>
        <translation>Objectifs de %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Production sales:</source>
        <translation>Ventes de la &amp;production :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Gifts (donations, sponsorship, apprenticeship tax):</source>
        <translation>&amp;Dons (dons, mécénat, taxe d'apprentissage) :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Subsidies:</source>
        <translation>&amp;Subventions :</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Close the financial year</source>
        <translation>Clore l'exercice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close %1? Nothing dated in it can then be added or changed; only the direction may reopen it.</source>
        <translation>Clore %1 ? Rien de daté dans l'exercice ne pourra plus être ajouté ni modifié ; seule la direction pourra le rouvrir.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The financial year %1 is closed.</source>
        <translation>L'exercice %1 est clos.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Reopen %1</source>
        <translation>Rouvrir %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Why is this closed year reopened? The log of changes keeps the reason.</source>
        <translation>Pourquoi rouvrir cet exercice clos ? Le journal des modifications garde la raison.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The financial year %1 is open again.</source>
        <translation>L'exercice %1 est de nouveau ouvert.</translation>
    </message>
</context>
<context>
    <name>etabli::FollowUpPage</name>
    <message>
        <location filename="../../src/gui/trainees/followuppage.cpp" line="+46" />
        <source>Young people who left and are due for news: 6 and 12 months after their exit. Open a record (Enter or double-click) and fill in the Outcome tab.</source>
        <translation>Jeunes sortis dont il faut prendre des nouvelles, 6 et 12 mois après leur sortie. Ouvrez le dossier (Entrée ou double-clic) et remplissez l'onglet Devenir.</translation>
    </message>
    <message>
        <location line="-24" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Left on</source>
        <translation>Sorti(e) le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Due on</source>
        <translation>À faire le</translation>
    </message>
    <message numerus="yes">
        <location line="+8" />
        <source>Late: due since %1 (%n day(s))</source>
        <translation><numerusform>En retard : à faire depuis le %1 (%n jour)</numerusform><numerusform>En retard : à faire depuis le %1 (%n jours)</numerusform></translation>
    </message>
    <message>
        <location line="+25" />
        <source>Follow-ups due</source>
        <translation>Suivis à faire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>on %1</source>
        <translation>au %1</translation>
    </message>
    <message numerus="yes">
        <location line="+20" />
        <source>%n contact(s) to make</source>
        <translation>
            <numerusform>%n contact à prendre</numerusform>
            <numerusform>%n contacts à prendre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etabli::FormDialog</name>
    <message>
        <location filename="../../src/gui/common/formdialog.cpp" line="+25" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>etabli::FrameworkImportDialog</name>
    <message>
        <location filename="../../src/gui/trainees/frameworkspage.cpp" line="+54" />
        <source>Load the framework of %1</source>
        <translation>Charger le référentiel de %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An Excel workbook (.xlsx, its first sheet) or a CSV file with the columns bloc, code, compétence and critère: a line per criterion (or per competence without one). The block is written “B1 – title”, or its code with a column “intitulé du bloc”. Competences already in the framework keep their evaluations: they are matched by code.</source>
        <translation>Un classeur Excel (.xlsx, sa première feuille) ou un fichier CSV avec les colonnes bloc, code, compétence et critère : une ligne par critère (ou par compétence qui n'en a pas). Le bloc s'écrit « B1 – intitulé », ou son code avec une colonne « intitulé du bloc ». Les compétences déjà dans le référentiel gardent leurs évaluations : elles sont reconnues par leur code.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Block</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Competence</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Criteria</source>
        <translation>Critères</translation>
    </message>
    <message numerus="yes">
        <location line="+35" />
        <source>%n block(s), </source>
        <translation>
            <numerusform>%n bloc,</numerusform>
            <numerusform>%n blocs, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n competence(s) read. Loading replaces the framework shown: a competence left out is removed if nothing refers to it.</source>
        <translation>
            <numerusform>%n compétence lue. Le chargement remplace le référentiel affiché : une compétence absente du fichier est retirée si rien n'y renvoie.</numerusform>
            <numerusform>%n compétences lues. Le chargement remplace le référentiel affiché : une compétence absente du fichier est retirée si rien n'y renvoie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etabli::FrameworkTreeModel</name>
    <message numerus="yes">
        <location filename="../../src/gui/trainees/frameworktreemodel.cpp" line="+126" />
        <source>%n competence(s)</source>
        <translation>
            <numerusform>%n compétence</numerusform>
            <numerusform>%n compétences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>%n criterion(s)</source>
        <translation>
            <numerusform>%n critère</numerusform>
            <numerusform>%n critères</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>none: no evidence proposed</source>
        <translation>aucune : pas de preuve proposée</translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n skill(s)</source>
        <translation>
            <numerusform>%n compétence d'atelier</numerusform>
            <numerusform>%n compétences d'atelier</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Block or competence</source>
        <translation>Bloc ou compétence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Criteria</source>
        <translation>Critères</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Workshop skills</source>
        <translation>Compétences d'atelier</translation>
    </message>
</context>
<context>
    <name>etabli::FrameworksPage</name>
    <message>
        <location filename="../../src/gui/trainees/frameworkspage.cpp" line="+15" />
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Remove…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add a &amp;competence…</source>
        <translation>Ajouter une &amp;compétence…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Diploma</source>
        <translation>&amp;Diplôme</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Load a framework…</source>
        <translation>Charger un &amp;référentiel…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Loads the diploma's framework from a spreadsheet bloc;code;compétence;critère.</source>
        <translation>Charge le référentiel du diplôme depuis un tableur bloc;code;compétence;critère.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>&amp;Workshop skills that practise it (their jobs become its evidence)</source>
        <translation>Compétences d'&amp;atelier qui la travaillent (leurs travaux en deviennent les preuves)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Add a &amp;block…</source>
        <translation>Ajouter un &amp;bloc…</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The workshop skills of %1 were saved.</source>
        <translation>Les compétences d'atelier de %1 sont enregistrées.</translation>
    </message>
    <message>
        <location line="+78" />
        <source>No framework is loaded for this diploma yet: load the school's file (Load a framework…) or type its blocks and competences.</source>
        <translation>Aucun référentiel n'est encore chargé pour ce diplôme : chargez le fichier de l'école (Charger un référentiel…) ou saisissez ses blocs et compétences.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n block(s), </source>
        <translation>
            <numerusform>%n bloc,</numerusform>
            <numerusform>%n blocs, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n competence(s).</source>
        <translation>
            <numerusform>%n compétence.</numerusform>
            <numerusform>%n compétences.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>This is the demonstration's example, not the official text of the diploma: load the school's own file.</source>
        <translation>C'est l'exemple de la démonstration, pas le texte officiel du diplôme : chargez le fichier de l'école.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Choose a competence to see its criteria and the workshop skills that practise it.</source>
        <translation>Choisissez une compétence pour voir ses critères et les compétences d'atelier qui la travaillent.</translation>
    </message>
    <message>
        <location line="+56" />
        <source>The framework of %1 was loaded.</source>
        <translation>Le référentiel de %1 est chargé.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>New block of competences</source>
        <translation>Nouveau bloc de compétences</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+21" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-20" />
        <location line="+45" />
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="-41" />
        <source>The block %1 was added.</source>
        <translation>Le bloc %1 est ajouté.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>New competence of %1</source>
        <translation>Nouvelle compétence de %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>One observable criterion per line (optional)</source>
        <translation>Un critère observable par ligne (facultatif)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+38" />
        <source>Competence</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="-37" />
        <location line="+38" />
        <source>Criteria</source>
        <translation>Critères</translation>
    </message>
    <message>
        <location line="-32" />
        <source>The competence %1 was added.</source>
        <translation>La compétence %1 est ajoutée.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Block %1</source>
        <translation>Bloc %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The block %1 was changed.</source>
        <translation>Le bloc %1 est modifié.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Competence %1</source>
        <translation>Compétence %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The competence %1 was changed.</source>
        <translation>La compétence %1 est modifiée.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>the competence %1 “%2”</source>
        <translation>la compétence %1 « %2 »</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the block %1 “%2” and its competences</source>
        <translation>le bloc %1 « %2 » et ses compétences</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove %1 from the framework? What the trainees were evaluated on cannot be removed.</source>
        <translation>Retirer %1 du référentiel ? Ce sur quoi des jeunes ont été évalués ne peut pas être retiré.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Removed: %1.</source>
        <translation>Retiré : %1.</translation>
    </message>
</context>
<context>
    <name>etabli::FundamentalsPage</name>
    <message>
        <location filename="../../src/gui/reports/fundamentalspage.cpp" line="+56" />
        <source>School's &amp;targets…</source>
        <translation>&amp;Objectifs de l'école…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fundamental</source>
        <translation>Fondamental</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School's target</source>
        <translation>Objectif de l'école</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+121" />
        <source>Year before</source>
        <translation>Année précédente</translation>
    </message>
    <message>
        <location line="-120" />
        <source>Target met</source>
        <translation>Objectif atteint</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nothing recorded</source>
        <translation>rien de saisi</translation>
    </message>
    <message>
        <location line="+0" />
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Trainee</source>
        <translation>Jeune</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Half-days in the workshop</source>
        <translation>Demi-journées en atelier</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Half-days in class</source>
        <translation>Demi-journées en cours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share in the workshop</source>
        <translation>Part en atelier</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&lt;h2&gt;The fundamentals of an école de production&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Les fondamentaux de l'école de production&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>School &amp;year:</source>
        <translation>&amp;Année scolaire :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Se&amp;ction:</source>
        <translation>Se&amp;ction :</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The shares and the group size the school aims at.</source>
        <translation>Les parts et la taille de groupe que l'école vise.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The half-days in class come from each section's timetable (Trainees › Attendance register › Timetable…); the production hours, from the workshops' log.</source>
        <translation>Les demi-journées de cours viennent de l'emploi du temps de chaque section (Jeunes › Registre de présence › Emploi du temps…) ; les heures de production, du journal d'atelier.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&lt;b&gt;Each trainee's presence&lt;/b&gt; (half-days present or late)</source>
        <translation>&lt;b&gt;La présence de chaque jeune&lt;/b&gt; (demi-journées présent ou en retard)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The whole school</source>
        <translation>Toute l'école</translation>
    </message>
    <message>
        <location line="+53" />
        <source>The school's targets were saved.</source>
        <translation>Les objectifs de l'école sont enregistrés.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The school's targets</source>
        <translation>Les objectifs de l'école</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Presence time in the workshop, at least (%)</source>
        <translation>Temps de présence en atelier, au moins (%)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainees per master trainer, at most</source>
        <translation>Jeunes par maître professionnel, au plus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Production hours on customers' orders, at least (%)</source>
        <translation>Heures de production sur des commandes de clients, au moins (%)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A share is a percentage between 0 and 100, e.g. 66,7.</source>
        <translation>Une part est un pourcentage entre 0 et 100, par ex. 66,7.</translation>
    </message>
</context>
<context>
    <name>etabli::FundingDashboard</name>
    <message>
        <location filename="../../src/gui/funding/fundingdashboard.cpp" line="+106" />
        <source>Financial &amp;year:</source>
        <translation>&amp;Exercice :</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Forecast</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+119" />
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="-118" />
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location line="+29" />
        <source>&lt;b&gt;Subsidies: due in the next three months&lt;/b&gt;</source>
        <translation>&lt;b&gt;Subventions : échéances des trois prochains mois&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Your account does not allow seeing the funding.</source>
        <translation>Votre compte ne permet pas de voir les financements.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Resources: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; self-financing: &lt;b&gt;%2&lt;/b&gt; (target %3) &amp;nbsp;·&amp;nbsp; expenses: &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>Ressources : &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; autofinancement : &lt;b&gt;%2&lt;/b&gt; (objectif %3) &amp;nbsp;·&amp;nbsp; charges : &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-84" />
        <source>Expense: %1</source>
        <translation>Charge : %1</translation>
    </message>
    <message>
        <location line="+92" />
        <source>&lt;b&gt;Cash&lt;/b&gt;&lt;br&gt;Invoiced (incl. VAT, net of credit notes): %1&lt;br&gt;Received from customers: %2&lt;br&gt;Subsidies granted: %3, of which received this year: %4&lt;br&gt;&lt;br&gt;&lt;b&gt;Contributions in kind&lt;/b&gt; (not in the resources above)&lt;br&gt;Gifts in kind: %5&lt;br&gt;Volunteer time: %6 h, valued at %7&lt;br&gt;&lt;br&gt;Members with their dues paid: %8</source>
        <translation>&lt;b&gt;Trésorerie&lt;/b&gt;&lt;br&gt;Facturé (TTC, avoirs déduits) : %1&lt;br&gt;Encaissé auprès des clients : %2&lt;br&gt;Subventions accordées : %3, dont reçu cette année : %4&lt;br&gt;&lt;br&gt;&lt;b&gt;Contributions volontaires en nature&lt;/b&gt; (hors ressources ci-dessus)&lt;br&gt;Dons en nature : %5&lt;br&gt;Bénévolat : %6 h, valorisées %7&lt;br&gt;&lt;br&gt;Adhérents à jour de cotisation : %8</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Nothing due.</source>
        <translation>Aucune échéance.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Resources by origin against the targets (%)</source>
        <translation>Ressources par origine face aux objectifs (%)</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gifts</source>
        <translation>Dons</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Feb</source>
        <translation>Fév</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apr</source>
        <translation>Avr</translation>
    </message>
    <message>
        <location line="+0" />
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Aug</source>
        <translation>Aoû</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Dec</source>
        <translation>Déc</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Production sales by month, excl. VAT (€)</source>
        <translation>Ventes de la production par mois, HT (€)</translation>
    </message>
    <message>
        <location line="-18" />
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year before</source>
        <translation>Année précédente</translation>
    </message>
</context>
<context>
    <name>etabli::FundingPage</name>
    <message>
        <location filename="../../src/gui/funding/fundingpage.cpp" line="+19" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gifts</source>
        <translation>Dons</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apprenticeship tax</source>
        <translation>Taxe d'apprentissage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Members</source>
        <translation>Adhérents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial years</source>
        <translation>Exercices</translation>
    </message>
</context>
<context>
    <name>etabli::HelloAssoDialog</name>
    <message>
        <location filename="../../src/gui/funding/helloassodialog.cpp" line="+29" />
        <source>gift of a donor in the directory</source>
        <translation>don d'un donateur de l'annuaire</translation>
    </message>
    <message>
        <location line="+2" />
        <source>gift of a new donor</source>
        <translation>don d'un nouveau donateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>gift of a new donor (%1)</source>
        <translation>don d'un nouveau donateur (%1)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Import the gifts collected on HelloAsso</source>
        <translation>Importer les dons collectés sur HelloAsso</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In HelloAsso, export the payments of the campaign or the form (CSV or Excel), then choose the file here. Each paid gift becomes a gift paid online, dated by its payment, with its donor (found in the directory by e-mail, or by name and postcode, or added). Refunded, refused or pending payments, dues and tickets are left out and listed. A payment already imported is never recorded twice. The tax receipts then follow the usual rules: do not issue one for a gift HelloAsso has already given a receipt for.</source>
        <translation>Dans HelloAsso, exportez les paiements de la campagne ou du formulaire (CSV ou Excel), puis choisissez le fichier ici. Chaque don payé devient un don réglé en ligne, daté de son paiement, avec son donateur (retrouvé dans l'annuaire par son courriel, ou par son nom et son code postal, ou ajouté). Les paiements remboursés, refusés ou en attente, les adhésions et la billetterie sont laissés de côté et listés. Un paiement déjà importé n'est jamais enregistré deux fois. Les reçus fiscaux suivent ensuite les règles habituelles : n'en émettez pas pour un don dont HelloAsso a déjà délivré le reçu.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What happens</source>
        <translation>Ce qui sera fait</translation>
    </message>
    <message>
        <location line="+22" />
        <source>%1 line(s) read (%2): %3 gift(s) to record, %4 in all; already recorded: %5; refunded: %6; not paid: %7; not gifts: %8; refused: %9.</source>
        <translation>%1 ligne(s) lue(s) (%2) : %3 don(s) à enregistrer, %4 au total ; déjà enregistrés : %5 ; remboursés : %6 ; non payés : %7 ; autres que des dons : %8 ; refusées : %9.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Nothing is imported while lines are refused, unless you choose to leave them out.</source>
        <translation>Rien n'est importé tant que des lignes sont refusées, sauf si vous choisissez de les laisser de côté.</translation>
    </message>
</context>
<context>
    <name>etabli::HelpWindow</name>
    <message>
        <location filename="../../src/gui/shell/helpwindow.cpp" line="+102" />
        <source>User guide — Établi</source>
        <translation>Guide de l'utilisateur — Établi</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Search the guide…</source>
        <translation>Rechercher dans le guide…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Press Esc to close the guide.</source>
        <translation>Échap ferme le guide.</translation>
    </message>
</context>
<context>
    <name>etabli::ImportDialog</name>
    <message>
        <location filename="../../src/gui/trainees/importdialog.cpp" line="+13" />
        <source>Import trainees from a spreadsheet</source>
        <translation>Importer des jeunes depuis un tableur</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Born on</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Certifications</source>
        <translation>Certifications</translation>
    </message>
    <message>
        <location line="-28" />
        <source>An Excel workbook (.xlsx, its first sheet) or a CSV file (separator ; or ,). Expected columns: nom, prénom, date de naissance, sexe, section, date d'entrée, année, date de sortie, motif de sortie, prescripteur, and one column per certification (CFG, CAP MV…) with obtenu, non obtenu, inscrit or absent. A column named “CAP” is the CAP the trainee's section prepares (Settings, Sections).</source>
        <translation>Un classeur Excel (.xlsx, sa première feuille) ou un fichier CSV (séparateur ; ou ,). Colonnes attendues : nom, prénom, date de naissance, sexe, section, date d'entrée, année, date de sortie, motif de sortie, prescripteur, et une colonne par certification (CFG, CAP MV…) avec obtenu, non obtenu, inscrit ou absent. Une colonne nommée « CAP » est le CAP que prépare la section du jeune (Paramètres, Sections).</translation>
    </message>
    <message>
        <location line="+32" />
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1 line(s) read (%2): %3 ready, %4 refused.</source>
        <translation>%1 ligne(s) lue(s) (%2) : %3 prête(s), %4 refusée(s).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Ignored columns: %1.</source>
        <translation>Colonnes ignorées : %1.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>New referrals added to the list: %1.</source>
        <translation>Nouveaux prescripteurs ajoutés à la liste : %1.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing is imported while lines are refused, unless you choose to leave them out.</source>
        <translation>Rien n'est importé tant que des lignes sont refusées, sauf si vous choisissez de les laisser de côté.</translation>
    </message>
</context>
<context>
    <name>etabli::IntegrityWatch</name>
    <message>
        <location filename="../../src/gui/shell/integritywatch.cpp" line="+29" />
        <source>Check of the database under way</source>
        <translation>Vérification de la base de données en cours</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Checking the database…</source>
        <translation>Vérification de la base de données…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Database checked: intact</source>
        <translation>Base vérifiée : intacte</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Database DAMAGED</source>
        <translation>Base de données ENDOMMAGÉE</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Database damaged</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The weekly check found the database “%1” damaged. Stop working in it: restore the last backup (File → Restore a backup), or call the person who looks after the computers with this message.</source>
        <translation>La vérification hebdomadaire a trouvé la base « %1 » endommagée. Cessez d'y travailler : restaurez la dernière sauvegarde (Fichier → Restaurer une sauvegarde), ou appelez la personne qui s'occupe des ordinateurs avec ce message.</translation>
    </message>
</context>
<context>
    <name>etabli::InvoiceDialog</name>
    <message>
        <location filename="../../src/gui/sales/invoicedialog.cpp" line="+47" />
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Save the draft (Ctrl+S)</source>
        <translation>&amp;Enregistrer le brouillon (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Issue…</source>
        <translation>É&amp;mettre…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Delete the draft…</source>
        <translation>&amp;Supprimer le brouillon…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Credit &amp;note…</source>
        <translation>A&amp;voir…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>P&amp;DF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prin&amp;t…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>C&amp;ustomer</source>
        <translation>C&amp;lient</translation>
    </message>
    <message>
        <location line="-10" />
        <source>work order or quote</source>
        <translation>bon de travaux ou devis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the customer's order number, if any</source>
        <translation>le numéro de commande du client, s'il y en a un</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The day of the sale or service (empty: the day of issue)</source>
        <translation>Le jour de la vente ou de la prestation (vide : le jour de l'émission)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The last day, for a service over a period (storage, contract)</source>
        <translation>Le dernier jour, pour une prestation sur une période (gardiennage, contrat)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>only when not the customer's address</source>
        <translation>seulement si ce n'est pas l'adresse du client</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>public bodies (Chorus Pro)</source>
        <translation>organismes publics (Chorus Pro)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Customer's r&amp;eference</source>
        <translation>Référence du cli&amp;ent</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Our reference</source>
        <translation>N&amp;otre référence</translation>
    </message>
    <message>
        <location line="+3" />
        <source>t&amp;o</source>
        <translation>a&amp;u</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due &amp;date</source>
        <translation>Éc&amp;héance</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Nature</source>
        <translation>&amp;Nature</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Date of the &amp;service</source>
        <translation>Date de la &amp;prestation</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Engagement &amp;no.</source>
        <translation>N° d'en&amp;gagement</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Service c&amp;ode</source>
        <translation>C&amp;ode service</translation>
    </message>
    <message>
        <location line="+4" />
        <source>De&amp;livery address</source>
        <translation>Adresse de &amp;livraison</translation>
    </message>
    <message>
        <location line="-76" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;XML…</source>
        <translation>&amp;XML…</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Record a &amp;payment…</source>
        <translation>Enregistrer un &amp;paiement…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;verse…</source>
        <translation>Con&amp;trepasser…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+34" />
        <source>An issued invoice or credit note is saved as Factur-X: the PDF that is read, with the electronic invoice's XML inside.</source>
        <translation>Une facture ou un avoir émis est enregistré au format Factur-X : le PDF que l'on lit, avec à l'intérieur le XML de la facture électronique.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The electronic invoice's XML alone (UN/CEFACT CII, EN 16931), as a platform or an accountant's software reads it.</source>
        <translation>Le XML seul de la facture électronique (UN/CEFACT CII, EN 16931), tel que le lit une plateforme ou le logiciel d'un expert-comptable.</translation>
    </message>
    <message>
        <location line="+68" />
        <source>on %1</source>
        <translation>sur %1</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>New invoice</source>
        <translation>Nouvelle facture</translation>
    </message>
    <message>
        <location line="+29" />
        <source>&amp;Issue the credit note…</source>
        <translation>É&amp;mettre l'avoir…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Issue the invoice…</source>
        <translation>É&amp;mettre la facture…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Paid in full.</source>
        <translation>Entièrement réglée.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remaining due: %1 (paid %2, credit notes %3)</source>
        <translation>Reste dû : %1 (réglé %2, avoirs %3)</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Choose the customer in the list.</source>
        <translation>Choisissez le client dans la liste.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Draft saved (not numbered until it is issued).</source>
        <translation>Brouillon enregistré (sans numéro tant qu'il n'est pas émis).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Issue this credit note of %1 to %2?
It will get its number and can no longer be changed.</source>
        <translation>Émettre cet avoir de %1 à %2 ?
Il recevra son numéro et ne pourra plus être modifié.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue this invoice of %1 to %2?
It will get its number and can no longer be changed: a mistake is then corrected by a credit note.</source>
        <translation>Émettre cette facture de %1 à %2 ?
Elle recevra son numéro et ne pourra plus être modifiée : une erreur se corrige alors par un avoir.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Issued under the number %1.</source>
        <translation>Émise sous le numéro %1.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Delete this draft? It has no number, nothing else changes.</source>
        <translation>Supprimer ce brouillon ? Il n'a pas de numéro, rien d'autre ne change.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Prepare a credit note for %1? It opens as a draft with every line: remove or reduce what is not taken back, then issue it.</source>
        <translation>Préparer un avoir pour %1 ? Il s'ouvre en brouillon avec toutes les lignes : retirez ou réduisez ce qui n'est pas repris, puis émettez-le.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Payment of %1 recorded.</source>
        <translation>Règlement de %1 enregistré.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Record a payment</source>
        <translation>Enregistrer un règlement</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Method</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Amount (€)</source>
        <translation>Mon&amp;tant (€)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Bank</source>
        <translation>&amp;Banque</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cheque &amp;number</source>
        <translation>&amp;Numéro du chèque</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Reverse a payment</source>
        <translation>Contrepasser un règlement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Why is this payment reversed (e.g. bounced cheque, typing mistake)? It stays in the history with a negative line.</source>
        <translation>Pourquoi contrepasser ce règlement (chèque impayé, erreur de saisie…) ? Il reste dans l'historique avec une ligne négative.</translation>
    </message>
    <message>
        <location line="-328" />
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
</context>
<context>
    <name>etabli::InvoiceListModel</name>
    <message>
        <location filename="../../src/gui/sales/invoicelistmodel.cpp" line="+14" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Remaining due</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Draft written on %1, not issued yet: it will take the date of the day it is issued.</source>
        <translation>Brouillon rédigé le %1, pas encore émis : il prendra la date du jour où il sera émis.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>(draft)</source>
        <translation>(brouillon)</translation>
    </message>
</context>
<context>
    <name>etabli::InvoicesPage</name>
    <message>
        <location filename="../../src/gui/sales/invoicespage.cpp" line="+17" />
        <source>Search a number or a customer…</source>
        <translation>Chercher un numéro ou un client…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>All invoices and credit notes</source>
        <translation>Toutes les factures et les avoirs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Issued</source>
        <translation>Émises</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unpaid</source>
        <translation>Impayées</translation>
    </message>
    <message>
        <location line="-12" />
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New invoice…</source>
        <translation>&amp;Nouvelle facture…</translation>
    </message>
</context>
<context>
    <name>etabli::LearningPage</name>
    <message>
        <location filename="../../src/gui/trainees/learningpage.cpp" line="+40" />
        <source>Trainee's &amp;booklet…</source>
        <translation>&amp;Livret du jeune…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Framework</source>
        <translation>Référentiel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Block of competences</source>
        <translation>Bloc de compétences</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evaluated on</source>
        <translation>Évalué le</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Evaluated &amp;on</source>
        <translation>É&amp;valué le</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Keys: N or 0 not started · E or 1 being acquired · A or 2 acquired · M or 3 mastered · Delete takes back what was typed. Ctrl+S saves. Under each competence: how many have acquired it.</source>
        <translation>Touches : N ou 0 non abordé · E ou 1 en cours d'acquisition · A ou 2 acquis · M ou 3 maîtrisé · Suppr annule la saisie. Ctrl+S enregistre. Sous chaque compétence : combien de jeunes l'ont acquise.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Jobs of the log that practised it (ticked: the evidence)</source>
        <translation>Travaux du journal qui l'ont mise en œuvre (cochés : les preuves)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type a level first</source>
        <translation>Saisissez d'abord un niveau</translation>
    </message>
    <message>
        <location line="+2" />
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Prints the learning booklet of the trainee of the selected row.</source>
        <translation>Imprime le livret de suivi du jeune de la ligne choisie.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Choose a trainee's row first.</source>
        <translation>Choisissez d'abord la ligne d'un jeune.</translation>
    </message>
    <message>
        <location line="+73" />
        <source> (demonstration example)</source>
        <translation> (exemple de démonstration)</translation>
    </message>
    <message>
        <location line="+38" />
        <source>No framework is loaded for the diplomas this section prepares: the director loads it in Trainees › Frameworks.</source>
        <translation>Aucun référentiel n'est chargé pour les diplômes que prépare cette section : la direction le charge dans Jeunes › Référentiels.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>All blocks (the class's map)</source>
        <translation>Tous les blocs (la carte de la classe)</translation>
    </message>
    <message numerus="yes">
        <location line="+69" />
        <source>%1: %2, by %3 (%n job(s) as evidence)</source>
        <translation>
            <numerusform>%1 : %2, par %3 (%n travail comme preuve)</numerusform>
            <numerusform>%1 : %2, par %3 (%n travaux comme preuves)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Not evaluated yet.</source>
        <translation>Pas encore évaluée.</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Only the master trainers and the director evaluate: this view is to read.</source>
        <translation>Seuls les maîtres professionnels et la direction évaluent : cette vue est en lecture.</translation>
    </message>
    <message numerus="yes">
        <location line="+24" />
        <source>%n evaluation(s) recorded.</source>
        <translation>
            <numerusform>%n évaluation enregistrée.</numerusform>
            <numerusform>%n évaluations enregistrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Evaluations not saved</source>
        <translation>Évaluations non enregistrées</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Levels were typed and not saved. Save them?</source>
        <translation>Des niveaux ont été saisis sans être enregistrés. Les enregistrer ?</translation>
    </message>
</context>
<context>
    <name>etabli::LinesEditor</name>
    <message>
        <location filename="../../src/gui/sales/lineseditor.cpp" line="+24" />
        <source>&amp;Add</source>
        <translation>Ajo&amp;uter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Remove the line</source>
        <translation>Retirer la ligne</translation>
    </message>
    <message>
        <location line="+8" />
        <source>code or words of the catalogue, or a free description — Enter adds the line</source>
        <translation>code ou mots du catalogue, ou une désignation libre — Entrée ajoute la ligne</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unit of a free line</source>
        <translation>Unité d'une ligne libre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Arti&amp;cle</source>
        <translation>Arti&amp;cle</translation>
    </message>
    <message>
        <location line="+127" />
        <source>Total excl. VAT %1 · VAT %2 · &lt;b&gt;Total incl. VAT %3&lt;/b&gt;</source>
        <translation>Total HT %1 · TVA %2 · &lt;b&gt;Total TTC %3&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Total %1&lt;/b&gt; (VAT not applicable)</source>
        <translation>&lt;b&gt;Total %1&lt;/b&gt; (TVA non applicable)</translation>
    </message>
</context>
<context>
    <name>etabli::ListOutput</name>
    <message>
        <location filename="../../src/gui/common/listoutput.cpp" line="+24" />
        <source>Print / e&amp;xport</source>
        <translation>Imprimer / e&amp;xporter</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The rows chosen by the search and the filters, all of them, not only the page on screen: printed, as a PDF or as a spreadsheet file.</source>
        <translation>Les lignes retenues par la recherche et les filtres, toutes, pas seulement la page à l'écran : imprimées, en PDF ou en fichier pour tableur.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save as a &amp;workbook (XLSX)…</source>
        <translation>Enregistrer en &amp;classeur (XLSX)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export for a &amp;spreadsheet (CSV)…</source>
        <translation>Exporter pour un &amp;tableur (CSV)…</translation>
    </message>
    <message>
        <location line="+29" />
        <location line="+2" />
        <source>Print / export</source>
        <translation>Imprimer / exporter</translation>
    </message>
    <message>
        <location line="+59" />
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Export the list</source>
        <translation>Exporter la liste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the list as a workbook</source>
        <translation>Enregistrer la liste en classeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the list as PDF</source>
        <translation>Enregistrer la liste en PDF</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CSV for a spreadsheet (*.csv)</source>
        <translation>CSV pour tableur (*.csv)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The list was saved in %1.</source>
        <translation>La liste est enregistrée dans %1.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>search « %1 »</source>
        <translation>recherche « %1 »</translation>
    </message>
</context>
<context>
    <name>etabli::LoginDialog</name>
    <message>
        <location filename="../../src/gui/access/logindialog.cpp" line="+21" />
        <source>&amp;Log in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Demonstration school — accounts: %1. Password: %2</source>
        <translation>École de démonstration — comptes : %1. Mot de passe : %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Session locked — Établi</source>
        <translation>Session verrouillée — Établi</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Quit Établi</source>
        <translation>&amp;Quitter Établi</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Type your login and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>etabli::MainWindow</name>
    <message>
        <location filename="../../src/gui/shell/mainwindow.cpp" line="+192" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales and customers</source>
        <translation>Ventes et clients</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+14" />
        <source>List of trainees</source>
        <translation>Liste des jeunes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attendance register</source>
        <translation>Registre de présence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Absences</source>
        <translation>Absences</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcomes to follow up</source>
        <translation>Devenir à relancer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Learning</source>
        <translation>Suivi des apprentissages</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Frameworks</source>
        <translation>Référentiels</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Indicators and reports</source>
        <translation>Indicateurs et rapports</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fundamentals</source>
        <translation>Fondamentaux</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The school</source>
        <translation>L'établissement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Log of changes</source>
        <translation>Journal des modifications</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connect to the school's &amp;server…</source>
        <translation>Se connecter au &amp;serveur de l'école…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Move the school onto the server…</source>
        <translation>&amp;Déplacer l'école sur le serveur…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;connect to the server</source>
        <translation>Se re&amp;connecter au serveur</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Change my &amp;password…</source>
        <translation>Changer de mot de &amp;passe…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Lock the session</source>
        <translation>&amp;Verrouiller la session</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Search in the page</source>
        <translation>&amp;Rechercher dans la page</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l'utilisateur</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;About Établi</source>
        <translation>À &amp;propos d'Établi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the &amp;log</source>
        <translation>Ouvrir le &amp;journal</translation>
    </message>
    <message>
        <location line="+121" />
        <source>Reconnect to the server</source>
        <translation>Se reconnecter au serveur</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Connected to the server again.</source>
        <translation>Reconnecté au serveur.</translation>
    </message>
    <message>
        <location line="-35" />
        <source>Connection to the server lost — trying again… What was being saved when it happened was not: do it again once reconnected.</source>
        <translation>Connexion au serveur perdue — nouvelle tentative… Ce qui était en cours d'enregistrement à ce moment ne l'a pas été : refaites-le une fois reconnecté.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+18" />
        <source>Try now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Connection to the server lost — trying again… (last try at %1: the server or the network is still down)</source>
        <translation>Connexion au serveur perdue — nouvelle tentative… (dernier essai à %1 : le serveur ou le réseau est encore coupé)</translation>
    </message>
    <message>
        <location line="+43" />
        <source>No database open</source>
        <translation>Aucune base ouverte</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>demonstration school (invented data)</source>
        <translation>école de démonstration (données inventées)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Logged in: %1 (%2)</source>
        <translation>Connecté : %1 (%2)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>This school was moved onto the server (%1) on %2: this file is its state on that day, no longer kept up to date. What you type here will not be on the server.</source>
        <translation>Cette école a été déplacée sur le serveur (%1) le %2 : ce fichier est son état de ce jour-là, il n'est plus tenu à jour. Ce que vous saisissez ici ne sera pas sur le serveur.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connect to the server…</source>
        <translation>Se connecter au serveur…</translation>
    </message>
    <message>
        <location line="+57" />
        <location line="+6" />
        <source>Change my password</source>
        <translation>Changer de mot de passe</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Your password was changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Unsaved settings</source>
        <translation>Paramètres non enregistrés</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The settings were changed but not saved. Save them now?</source>
        <translation>Les paramètres ont été modifiés sans être enregistrés. Les enregistrer maintenant ?</translation>
    </message>
    <message>
        <location line="+49" />
        <location line="+12" />
        <location line="+11" />
        <location line="+12" />
        <location line="+10" />
        <location line="+10" />
        <location line="+6" />
        <location line="+10" />
        <location line="+3" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="-73" />
        <source>This database is on a PostgreSQL server: it is restored on the server.</source>
        <translation>Cette base est sur un serveur PostgreSQL : elle se restaure sur le serveur.</translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>The copy “%1” lacks documents already issued or payments already received:

%2

They will stay in the current database, kept aside, and their numbers will never be given again. To restore the copy all the same, type %3:</source>
        <translation>Il manque à la copie « %1 » des documents déjà émis ou des règlements déjà reçus :

%2

Ils resteront dans la base actuelle, mise de côté, et leurs numéros ne seront jamais redonnés. Pour restaurer la copie quand même, tapez %3 :</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Replace the current database by the copy “%1”? What was entered since that copy will no longer show; the current database is kept beside it, renamed, in case.</source>
        <translation>Remplacer la base actuelle par la copie « %1 » ? Ce qui a été saisi depuis cette copie n'apparaîtra plus ; la base actuelle est conservée à côté, renommée, au cas où.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The word typed is not %1: nothing was restored.</source>
        <translation>Le mot tapé n'est pas %1 : rien n'a été restauré.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The copy was restored. The previous database was kept as %1.</source>
        <translation>La copie a été restaurée. L'ancienne base est conservée sous le nom %1.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>About Établi</source>
        <translation>À propos d'Établi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;Établi %1&lt;/h3&gt;&lt;p&gt;The management application of production schools: trainees, workshops, sales, funding and reports.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Établi %1&lt;/h3&gt;&lt;p&gt;L'application de gestion des écoles de production : jeunes, ateliers, ventes, financements et rapports.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence GNU GPL, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The log is not written to a file.</source>
        <translation>Le journal n'est pas écrit dans un fichier.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Établi writes its log to:
%1</source>
        <translation>Établi écrit son journal dans :
%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
</context>
<context>
    <name>etabli::MembersPage</name>
    <message>
        <location filename="../../src/gui/funding/fundinglists.cpp" line="-293" />
        <source>Member</source>
        <translation>Adhérent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Joined on</source>
        <translation>Adhésion le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Left on</source>
        <translation>Départ le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last dues paid</source>
        <translation>Dernière cotisation</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <location line="-7" />
        <source>&amp;Dues paid…</source>
        <translation>&amp;Cotisation payée…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New member…</source>
        <translation>&amp;Nouvel adhérent…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Members</source>
        <translation>Adhérents</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 member(s) in the register; &lt;b&gt;%2 with their dues for %3 paid&lt;/b&gt; (for the general meeting).</source>
        <translation>%1 adhérent(s) au registre ; &lt;b&gt;%2 à jour de leur cotisation %3&lt;/b&gt; (pour l'assemblée générale).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>New member</source>
        <translation>Nouvel adhérent</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Member (from the directory):</source>
        <translation>&amp;Adhérent (dans le répertoire) :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Joined on:</source>
        <translation>Adhésion &amp;le :</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Choose a member in the list.</source>
        <translation>Choisissez un adhérent dans la liste.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Dues of %1</source>
        <translation>Cotisation de %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Dues for the &amp;year:</source>
        <translation>Cotisation de l'&amp;année :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Amount:</source>
        <translation>&amp;Montant :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Paid on:</source>
        <translation>&amp;Payée le :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Method:</source>
        <translation>Mo&amp;de :</translation>
    </message>
</context>
<context>
    <name>etabli::MessageBanner</name>
    <message>
        <location filename="../../src/gui/common/messagebanner.cpp" line="+30" />
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
</context>
<context>
    <name>etabli::OrderDialog</name>
    <message>
        <location filename="../../src/gui/sales/orderdialog.cpp" line="+33" />
        <source>&amp;Save</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In &amp;progress</source>
        <translation>&amp;En cours</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Done</source>
        <translation>Term&amp;iné</translation>
    </message>
    <message>
        <location line="+1" />
        <source>De&amp;livered</source>
        <translation>Li&amp;vré</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cance&amp;l the order…</source>
        <translation>&amp;Annuler le bon…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Invoice…</source>
        <translation>&amp;Facturer…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>what is to be done, e.g. 4 winter tyres, railing for the town hall</source>
        <translation>le travail à faire, par ex. 4 pneus hiver, garde-corps pour la mairie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;ustomer</source>
        <translation>C&amp;lient</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Workshop</source>
        <translation>A&amp;telier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due &amp;date</source>
        <translation>Éc&amp;héance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;What</source>
        <translation>&amp;Objet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Trainee</source>
        <translation>Jeune</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Who worked on it, and what it cost</source>
        <translation>Qui y a travaillé, et ce qu'il a coûté</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Cancel the work order %1? It stays in the list as cancelled.</source>
        <translation>Annuler le bon de travaux %1 ? Il reste dans la liste, marqué annulé.</translation>
    </message>
    <message>
        <location line="+56" />
        <source>New work order</source>
        <translation>Nouveau bon de travaux</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Work order %1</source>
        <translation>Bon de travaux %1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location line="+4" />
        <source> — invoiced: %1</source>
        <translation> — facturé : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>%n log entry(ies), %1 of trainees' work at %2 an hour: %3
Materials: %4
Cost: %5
Invoiced (excl. VAT): %6
Difference: %7</source>
        <translation>
            <numerusform>%n entrée du journal, %1 de travail des jeunes à %2 l'heure : %3
Matières : %4
Coût : %5
Facturé (HT) : %6
Écart : %7</numerusform>
            <numerusform>%n entrées du journal, %1 de travail des jeunes à %2 l'heure : %3
Matières : %4
Coût : %5
Facturé (HT) : %6
Écart : %7</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30" />
        <source>Work order %1 saved.</source>
        <translation>Bon de travaux %1 enregistré.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Issue the invoice of the work order %1 to %2 (%3 excl. VAT)? Once issued it can no longer be changed.</source>
        <translation>Émettre la facture du bon de travaux %1 à %2 (%3 HT) ? Une fois émise, elle ne pourra plus être modifiée.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Invoice %1 issued: open it to print it or record the payment; it is also in Invoices.</source>
        <translation>Facture %1 émise : ouvrez-la pour l'imprimer ou enregistrer le paiement ; elle est aussi dans les factures.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Open the invoice</source>
        <translation>&amp;Ouvrir la facture</translation>
    </message>
</context>
<context>
    <name>etabli::OrdersPage</name>
    <message>
        <location filename="../../src/gui/sales/orderspage.cpp" line="+19" />
        <source>Search a number or a customer…</source>
        <translation>Chercher un numéro ou un client…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Open (to do, in progress)</source>
        <translation>En cours (à faire, commencés)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Work orders</source>
        <translation>Bons de travaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New work order…</source>
        <translation>&amp;Nouveau bon de travaux…</translation>
    </message>
    <message>
        <location line="+23" />
        <source>All workshops</source>
        <translation>Tous les ateliers</translation>
    </message>
</context>
<context>
    <name>etabli::OutcomeTab</name>
    <message>
        <location filename="../../src/gui/trainees/outcometab.cpp" line="+21" />
        <source>&amp;Save the outcomes</source>
        <translation>&amp;Enregistrer le devenir</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Outcomes are recorded once the trainee has left the school.</source>
        <translation>Le devenir se saisit une fois que le jeune a quitté l'école.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;b&gt;Situation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Situation&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;Employer or school&lt;/b&gt;</source>
        <translation>&lt;b&gt;Employeur ou établissement&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;Contact on&lt;/b&gt;</source>
        <translation>&lt;b&gt;Contact le&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+77" />
        <source>The outcomes were saved.</source>
        <translation>Le devenir a été enregistré.</translation>
    </message>
</context>
<context>
    <name>etabli::PagedListModel</name>
    <message>
        <location filename="../../src/gui/common/pagedlistmodel.cpp" line="+115" />
        <source>The list ends before page %L1.</source>
        <translation>La liste s'arrête avant la page %L1.</translation>
    </message>
</context>
<context>
    <name>etabli::PagedListPage</name>
    <message>
        <location filename="../../src/gui/common/pagedlistpage.cpp" line="+42" />
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+105" />
        <location line="+33" />
        <source>Your account may not see this list.</source>
        <translation>Votre compte ne permet pas de voir cette liste.</translation>
    </message>
</context>
<context>
    <name>etabli::Pager</name>
    <message>
        <location filename="../../src/gui/common/pager.cpp" line="+15" />
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédentes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ne&amp;xt ▶</source>
        <translation>&amp;Suivantes ▶</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Pa&amp;ge</source>
        <translation>Pa&amp;ge</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Page to show</source>
        <translation>Page à afficher</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Nothing for these criteria</source>
        <translation>Rien pour ces critères</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1–%2 of more than %3</source>
        <translation>%1 à %2 sur plus de %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1–%2 of %3</source>
        <translation>%1 à %2 sur %3</translation>
    </message>
    <message>
        <location line="+11" />
        <source>of more than %1</source>
        <translation>sur plus de %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>of %1</source>
        <translation>sur %1</translation>
    </message>
</context>
<context>
    <name>etabli::PasswordDialog</name>
    <message>
        <location filename="../../src/gui/access/passworddialog.cpp" line="+24" />
        <source>12 characters or more</source>
        <translation>12 caractères ou plus</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Current password</source>
        <translation>Mot de passe &amp;actuel</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmer</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The two new passwords differ.</source>
        <translation>Les deux nouveaux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>etabli::PeriodEdit</name>
    <message>
        <location filename="../../src/gui/common/periodedit.cpp" line="+16" />
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;to</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <location line="+31" />
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
</context>
<context>
    <name>etabli::PersonalDataPage</name>
    <message>
        <location filename="../../src/gui/access/personaldatapage.cpp" line="+32" />
        <source>&amp;Anonymise these records…</source>
        <translation>&amp;Anonymiser ces dossiers…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Everything held about a person (right of access)</source>
        <translation>Toutes les données sur une personne (droit d'accès)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A trainee or a candidate</source>
        <translation>Un jeune ou un candidat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A contact of the directory (customer, donor…)</source>
        <translation>Un contact de l'annuaire (client, donateur…)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A staff member or a volunteer</source>
        <translation>Un membre de l'équipe ou un bénévole</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Search by name…</source>
        <translation>Rechercher par nom…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Who</source>
        <translation>&amp;Qui</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export the person's &amp;data…</source>
        <translation>Exporter les &amp;données de la personne…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>User a&amp;ccount</source>
        <translation>&amp;Compte utilisateur</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export the account's da&amp;ta…</source>
        <translation>Exporter les données du co&amp;mpte…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <location line="+4" />
        <source> years after they left</source>
        <translation> ans après leur sortie</translation>
    </message>
    <message>
        <location line="+2" />
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <location line="+2" />
        <source> months after the decision</source>
        <translation> mois après la décision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Anonymise the trainees</source>
        <translation>Anonymiser les jeunes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anonymise the candidates not admitted</source>
        <translation>Anonymiser les candidats non admis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the invoices</source>
        <translation>Garder les factures</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Save the rule</source>
        <translation>&amp;Enregistrer la règle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;List what the rule would anonymise</source>
        <translation>&amp;Lister ce que la règle anonymiserait</translation>
    </message>
    <message>
        <location line="+75" />
        <location line="+24" />
        <source>Search and choose a person first.</source>
        <translation>Recherchez puis choisissez d'abord une personne.</translation>
    </message>
    <message>
        <location line="-7" />
        <location line="+36" />
        <source>Written: %1</source>
        <translation>Écrit : %1</translation>
    </message>
    <message>
        <location line="-25" />
        <location line="+12" />
        <source>Folder for the export</source>
        <translation>Dossier de l'export</translation>
    </message>
    <message>
        <location line="+23" />
        <source>The retention rule was saved.</source>
        <translation>La règle de conservation a été enregistrée.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>n°%1  %2 %3 — not admitted on %4</source>
        <translation>n°%1  %2 %3 — non admis(e) le %4</translation>
    </message>
    <message>
        <location line="+1" />
        <source>n°%1  %2 %3 — left on %4</source>
        <translation>n°%1  %2 %3 — sorti(e) le %4</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n record(s) would be anonymised: names, contact details, day and month of birth, guardians, notes, referral, internship tutors and assessments, employers and attendance comments go; sex, birth year, section, dates and results stay for the statistics.</source>
        <translation>
            <numerusform>%n dossier serait anonymisé : les noms, les coordonnées, le jour et le mois de naissance, les responsables légaux, les notes, l'orientation, les tuteurs et appréciations de stage, les employeurs et les commentaires de présence disparaissent ; le sexe, l'année de naissance, la section, les dates et les résultats restent pour les statistiques.</numerusform>
            <numerusform>%n dossiers seraient anonymisés : les noms, les coordonnées, le jour et le mois de naissance, les responsables légaux, les notes, l'orientation, les tuteurs et appréciations de stage, les employeurs et les commentaires de présence disparaissent ; le sexe, l'année de naissance, la section, les dates et les résultats restent pour les statistiques.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>%n record(s) anonymised.</source>
        <translation>
            <numerusform>%n dossier anonymisé.</numerusform>
            <numerusform>%n dossiers anonymisés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Anonymise</source>
        <translation>Anonymiser</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Anonymise the %n record(s) listed? This cannot be undone; it is recorded in the log of changes.</source>
        <translation>
            <numerusform>Anonymiser le dossier listé ? C'est définitif ; l'opération est inscrite au journal des modifications.</numerusform>
            <numerusform>Anonymiser les %n dossiers listés ? C'est définitif ; l'opération est inscrite au journal des modifications.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etabli::PlaceholderPage</name>
    <message>
        <location filename="../../src/gui/common/placeholderpage.cpp" line="+23" />
        <source>This module comes in a next version of Établi.</source>
        <translation>Ce module arrive dans une prochaine version d'Établi.</translation>
    </message>
</context>
<context>
    <name>etabli::PresenceIndicator</name>
    <message>
        <location filename="../../src/gui/shell/presenceindicator.cpp" line="+83" />
        <source>%1 — %2 — since %3</source>
        <translation>%1 — %2 — depuis %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No one else connected</source>
        <translation>Personne d'autre connecté</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n other PC(s) connected</source>
        <translation>
            <numerusform>%n autre poste connecté</numerusform>
            <numerusform>%n autres postes connectés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Who else works in the school's database: click to see them.</source>
        <translation>Qui d'autre travaille dans la base de l'école : cliquez pour le voir.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>People working in the school's database on other PCs.</source>
        <translation>Les personnes qui travaillent dans la base de l'école sur d'autres postes.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Connected</source>
        <translation>Connectés</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No one else is connected.</source>
        <translation>Personne d'autre n'est connecté.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Also working in the school's database:</source>
        <translation>Travaillent aussi dans la base de l'école :</translation>
    </message>
</context>
<context>
    <name>etabli::ProductionEntryPage</name>
    <message>
        <location filename="../../src/gui/workshops/productionentrypage.cpp" line="+67" />
        <source>&amp;Add</source>
        <translation>Ajo&amp;uter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save (Ctrl+S)</source>
        <translation>Enre&amp;gistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New entry</source>
        <translation>Nou&amp;velle saisie</translation>
    </message>
    <message>
        <location line="+13" />
        <source>order or customer, e.g. PN-2026-014</source>
        <translation>commande ou client, par ex. PN-2026-014</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The work order this work served: its number becomes the reference</source>
        <translation>Le bon de travaux servi par ce travail : son numéro devient la référence</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Workshop</source>
        <translation>A&amp;telier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reference</source>
        <translation>&amp;Référence</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Trai&amp;ner</source>
        <translation>&amp;Formateur</translation>
    </message>
    <message>
        <location line="+23" />
        <source>&amp;Trainees</source>
        <translation>J&amp;eunes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>— Space ticks, type the hours (3,5 or 3 h 30)</source>
        <translation>— Espace coche, tapez les heures (3,5 ou 3 h 30)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>code or words of the catalogue, or free text</source>
        <translation>code ou mots du catalogue, ou texte libre</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Unit of a free-text line (a catalogue item has its own)</source>
        <translation>Unité d'une ligne en texte libre (un article du catalogue a la sienne)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Arti&amp;cle</source>
        <translation>Arti&amp;cle</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Quantity</source>
        <translation>&amp;Quantité</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remove the line</source>
        <translation>Retirer la ligne</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;What was made&lt;/b&gt; — Enter adds the line, Delete removes it</source>
        <translation>&lt;b&gt;Ce qui a été fait&lt;/b&gt; — Entrée ajoute la ligne, Suppr la retire</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Add a &amp;material</source>
        <translation>Ajouter une mat&amp;ière</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&lt;b&gt;Materials used&lt;/b&gt;</source>
        <translation>&lt;b&gt;Matières utilisées&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4" />
        <source>S&amp;kills practised</source>
        <translation>Co&amp;mpétences travaillées</translation>
    </message>
    <message>
        <location line="+13" />
        <source>N&amp;otes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location line="+71" />
        <source>Production log</source>
        <translation>Journal d'atelier</translation>
    </message>
    <message>
        <location line="+88" />
        <source>(not given)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <location line="+20" />
        <source>(no work order)</source>
        <translation>(pas de bon de travaux)</translation>
    </message>
    <message>
        <location line="+108" />
        <source>“%1” is not in the catalogue: added as a free-text line.</source>
        <translation>« %1 » n'est pas au catalogue : ajouté en ligne de texte libre.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Correcting the entry of %1</source>
        <translation>Correction de l'entrée du %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Production log — %1</source>
        <translation>Journal d'atelier — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n trainee(s) ticked, %1 in all</source>
        <translation>
            <numerusform>%n jeune coché, %1 en tout</numerusform>
            <numerusform>%n jeunes cochés, %1 en tout</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61" />
        <source>%n trainee(s), %1</source>
        <translation>
            <numerusform>%n jeune, %1</numerusform>
            <numerusform>%n jeunes, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Entry corrected: %1.</source>
        <translation>Entrée corrigée : %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry saved: %1.</source>
        <translation>Entrée enregistrée : %1.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>(another workshop)</source>
        <translation>(un autre atelier)</translation>
    </message>
</context>
<context>
    <name>etabli::ProductionFiguresPage</name>
    <message>
        <location filename="../../src/gui/workshops/productionfigurespage.cpp" line="+168" />
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This school year</source>
        <translation>Cette année scolaire</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This calendar year</source>
        <translation>Cette année civile</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last school year</source>
        <translation>L'année scolaire dernière</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Hours of each trainee</source>
        <translation>Heures de chaque jeune</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Skills practised</source>
        <translation>Compétences pratiquées</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What was made</source>
        <translation>Ce qui a été produit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Hours per order</source>
        <translation>Heures par commande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Production figures</source>
        <translation>Chiffres de production</translation>
    </message>
    <message>
        <location line="+66" />
        <source>All workshops</source>
        <translation>Tous les ateliers</translation>
    </message>
</context>
<context>
    <name>etabli::ProductionFiguresView</name>
    <message>
        <location line="-188" />
        <source>Trainee</source>
        <translation>Jeune</translation>
    </message>
    <message>
        <location line="+2" />
        <source>For customers</source>
        <translation>Pour les clients</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Exercises</source>
        <translation>Exercices</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Upkeep</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Times</source>
        <translation>Fois</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+22" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="-20" />
        <location line="+19" />
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value at catalogue price</source>
        <translation>Valeur au prix du catalogue</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Order / reference</source>
        <translation>Commande / référence</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Materials</source>
        <translation>Matières</translation>
    </message>
    <message>
        <location line="+5" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Hours of each trainee</source>
        <translation>Heures de chaque jeune</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+3" />
        <source>Skills practised</source>
        <translation>Compétences travaillées</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What was made</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hours per order</source>
        <translation>Heures par commande</translation>
    </message>
    <message numerus="yes">
        <location line="+18" />
        <source>%n entry(ies), %1 of trainees' work, output worth %2 at catalogue prices, materials %3.</source>
        <translation>
            <numerusform>%n entrée, %1 de travail des jeunes, une production de %2 au prix du catalogue, matières %3.</numerusform>
            <numerusform>%n entrées, %1 de travail des jeunes, une production de %2 au prix du catalogue, matières %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etabli::ProductionLogListModel</name>
    <message>
        <location filename="../../src/gui/workshops/productionloglistmodel.cpp" line="+13" />
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Trainee hours</source>
        <translation>Heures-jeunes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Made</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Written by</source>
        <translation>Saisi par</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The hours of all the trainees on the entry, added up</source>
        <translation>Les heures de tous les jeunes de l'entrée, additionnées</translation>
    </message>
</context>
<context>
    <name>etabli::ProductionLogPage</name>
    <message>
        <location filename="../../src/gui/workshops/productionlogpage.cpp" line="+38" />
        <source>All kinds of work</source>
        <translation>Tous les types de travail</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Search a reference…</source>
        <translation>Chercher une référence…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Production log</source>
        <translation>Journal de production</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;Delete the entry…</source>
        <translation>Supprimer l'&amp;entrée…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>All workshops</source>
        <translation>Tous les ateliers</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Delete the entry</source>
        <translation>Supprimer l'entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the entry of %1 (%2)? The log of changes keeps what it contained.</source>
        <translation>Supprimer l'entrée du %1 (%2) ? Le journal des modifications garde ce qu'elle contenait.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The entry was deleted.</source>
        <translation>L'entrée a été supprimée.</translation>
    </message>
</context>
<context>
    <name>etabli::ProductionTab</name>
    <message>
        <location filename="../../src/gui/trainees/productiontab.cpp" line="+42" />
        <source>Whole course</source>
        <translation>Tout le parcours</translation>
    </message>
    <message>
        <location line="+3" />
        <source>School year %1–%2</source>
        <translation>Année scolaire %1-%2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <location line="-26" />
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Hours (all trainees)</source>
        <translation>Heures (tous les jeunes)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Their hours</source>
        <translation>Ses heures</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Made by the whole entry</source>
        <translation>Produit par toute la saisie</translation>
    </message>
    <message>
        <location line="+30" />
        <source>&lt;b&gt;Entries of the production log&lt;/b&gt; (the latest 500)</source>
        <translation>&lt;b&gt;Entrées du journal d'atelier&lt;/b&gt; (les 500 dernières)</translation>
    </message>
</context>
<context>
    <name>etabli::QuoteDialog</name>
    <message>
        <location filename="../../src/gui/sales/quotedialog.cpp" line="+35" />
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark as s&amp;ent</source>
        <translation>Marquer comme e&amp;nvoyé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to dra&amp;ft</source>
        <translation>Repasser en &amp;brouillon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Accepted: make the work order…</source>
        <translation>&amp;Accepté : créer le bon de travaux…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;fused…</source>
        <translation>&amp;Refusé…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Prin&amp;t…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;DF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>e.g. 4 winter tyres, railing for the town hall</source>
        <translation>ex. 4 pneus hiver, garde-corps pour la mairie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>printed under the lines, e.g. delivery not included</source>
        <translation>imprimé sous les lignes, ex. livraison non comprise</translation>
    </message>
    <message>
        <location line="+3" />
        <source>e.g. within 5 working days of your agreement (required for a private person)</source>
        <translation>par exemple : sous 5 jours ouvrés après votre accord (obligatoire pour un particulier)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>C&amp;ustomer</source>
        <translation>C&amp;lient</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Vehicle</source>
        <translation>&amp;Véhicule</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Workshop</source>
        <translation>A&amp;telier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Su&amp;bject</source>
        <translation>&amp;Objet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid &amp;until</source>
        <translation>Valable &amp;jusqu'au</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E&amp;xecution time</source>
        <translation>Délai d'e&amp;xécution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Notes</source>
        <translation>Re&amp;marques</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+23" />
        <source>The customer refused the quote %1? It stays in the list as refused.</source>
        <translation>Le client a refusé le devis %1 ? Il reste dans la liste comme refusé.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>(to choose when accepted)</source>
        <translation>(à choisir à l'acceptation)</translation>
    </message>
    <message>
        <location line="+33" />
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+34" />
        <source>New quote</source>
        <translation>Nouveau devis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quote %1 of %2</source>
        <translation>Devis %1 du %2</translation>
    </message>
    <message>
        <location line="+23" />
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location line="+2" />
        <source> — make a new quote with today's prices</source>
        <translation> — faites un nouveau devis aux prix du jour</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Quote %1 saved.</source>
        <translation>Devis %1 enregistré.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Choose the workshop that will do the work.</source>
        <translation>Choisissez l'atelier qui fera le travail.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The customer accepted the quote %1: make the work order for %2, due on %3? The quote can then no longer be changed.</source>
        <translation>Le client a accepté le devis %1 : créer le bon de travaux pour l'atelier %2, à faire pour le %3 ? Le devis ne pourra plus être modifié.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Work order %1 made: the workshop finds it in Work orders and in its daily log.</source>
        <translation>Bon de travaux %1 créé : l'atelier le retrouve dans les bons de travaux et dans sa saisie du jour.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Open the work order</source>
        <translation>&amp;Ouvrir le bon de travaux</translation>
    </message>
</context>
<context>
    <name>etabli::QuoteListModel</name>
    <message>
        <location filename="../../src/gui/sales/orderlistmodels.cpp" line="+24" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid until</source>
        <translation>Valable jusqu'au</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>etabli::QuotesPage</name>
    <message>
        <location filename="../../src/gui/sales/quotespage.cpp" line="+16" />
        <source>Quotes</source>
        <translation>Devis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search a number or a customer…</source>
        <translation>Chercher un numéro ou un client…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;New quote…</source>
        <translation>&amp;Nouveau devis…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Open (drafts, sent and still valid)</source>
        <translation>En cours (brouillons, envoyés encore valables)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>All</source>
        <translation>Tous</translation>
    </message>
</context>
<context>
    <name>etabli::ReceivablesPage</name>
    <message>
        <location filename="../../src/gui/sales/receivablespage.cpp" line="+36" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remaining due</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Age</source>
        <translation>Ancienneté</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Print a &amp;reminder letter…</source>
        <translation>Imprimer une lettre de &amp;relance…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reminder letter in P&amp;DF…</source>
        <translation>Lettre de relance en P&amp;DF…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Receivables</source>
        <translation>Impayées</translation>
    </message>
    <message>
        <location line="+1" />
        <source>on %1</source>
        <translation>au %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&amp;Hand the ticked cheques to the bank and print the slip…</source>
        <translation>Remettre les chèques cochés en &amp;banque et imprimer le bordereau…</translation>
    </message>
    <message>
        <location line="+107" />
        <source>The deposit slip could not be made.</source>
        <translation>Le bordereau n'a pas pu être établi.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Deposit slip no. %1 recorded: these cheques will no longer be offered.</source>
        <translation>Bordereau n° %1 enregistré : ces chèques ne seront plus proposés.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>reminder-%1</source>
        <translation>relance-%1</translation>
    </message>
    <message>
        <location line="-200" />
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cheque no.</source>
        <translation>N° de chèque</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drawer</source>
        <translation>Tireur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+32" />
        <source>&lt;b&gt;Cheques to hand to the bank&lt;/b&gt;</source>
        <translation>&lt;b&gt;Chèques à remettre en banque&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+40" />
        <source>&lt;b&gt;Due in all: %1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;Dû en tout : %1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 unpaid invoices, %2 customers: the %3 oldest below.</source>
        <translation>%1 factures impayées, %2 clients : les %3 plus anciennes ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n unpaid invoice(s)</source>
        <translation>
            <numerusform>%n facture impayée</numerusform>
            <numerusform>%n factures impayées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>%n cheque(s), %1</source>
        <translation>
            <numerusform>%n chèque, %1</numerusform>
            <numerusform>%n chèques, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58" />
        <location line="+22" />
        <location line="+15" />
        <source>Choose an invoice of the customer to remind.</source>
        <translation>Choisissez une facture du client à relancer.</translation>
    </message>
</context>
<context>
    <name>etabli::RegisterModel</name>
    <message>
        <location filename="../../src/gui/trainees/registermodel.cpp" line="+134" />
        <source>Not enrolled that day</source>
        <translation>Pas inscrit ce jour-là</translation>
    </message>
    <message>
        <location line="+35" />
        <source>%1
morning</source>
        <translation>%1
matin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1
afternoon</source>
        <translation>%1
après-midi</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1
class</source>
        <translation>%1
cours</translation>
    </message>
</context>
<context>
    <name>etabli::ReportsPage</name>
    <message>
        <location filename="../../src/gui/reports/reportspage.cpp" line="+69" />
        <source>&lt;h2&gt;Indicators of a school year&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Indicateurs d'une année scolaire&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>School &amp;year:</source>
        <translation>&amp;Année scolaire :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Se&amp;ction:</source>
        <translation>Se&amp;ction :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save as &amp;JSON…</source>
        <translation>Enregistrer en &amp;JSON…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reference values…</source>
        <translation>Valeurs de &amp;référence…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The federation's exam success rate and the InserJeunes insertion rate, typed from their publications, shown beside the school's own.</source>
        <translation>Le taux de réussite aux examens de la fédération et le taux d'insertion InserJeunes, saisis d'après leurs publications, montrés à côté de ceux de l'école.</translation>
    </message>
    <message>
        <location line="-29" />
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year before</source>
        <translation>Année précédente</translation>
    </message>
    <message>
        <location line="+56" />
        <source>The whole school</source>
        <translation>Toute l'école</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Your account does not allow seeing the reports.</source>
        <translation>Votre compte ne permet pas de voir les rapports.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Reference values</source>
        <translation>Valeurs de référence</translation>
    </message>
    <message>
        <location line="+16" />
        <source>81,5 (empty: not known)</source>
        <translation>81,5 (vide : inconnue)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Where it was published</source>
        <translation>Où elle a été publiée</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Rate (%):</source>
        <translation>Taux (%) :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year:</source>
        <translation>Année :</translation>
    </message>
    <message>
        <location line="+13" />
        <source>“%1”: a rate between 0 and 100.</source>
        <translation>« %1 » : un taux entre 0 et 100.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Save the indicators</source>
        <translation>Enregistrer les indicateurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The indicators are saved in %1.</source>
        <translation>Les indicateurs sont enregistrés dans %1.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Printed reports</source>
        <translation>Rapports à imprimer</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Activity report (school year chosen above)</source>
        <translation>Rapport d'activité (année scolaire choisie ci-dessus)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Indicators (school year chosen above)</source>
        <translation>Indicateurs (année scolaire choisie ci-dessus)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial report (financial year)</source>
        <translation>Rapport financier (exercice)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Final account of a subsidy (Cerfa 15059)</source>
        <translation>Compte rendu financier de subvention (Cerfa 15059)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign-in sheets (section chosen above)</source>
        <translation>Feuilles d'émargement (section choisie ci-dessus)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Funder pack: activity, indicators, finances, subsidies</source>
        <translation>Pack financeur : activité, indicateurs, finances, subventions</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Document:</source>
        <translation>&amp;Document :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Financial year:</source>
        <translation>&amp;Exercice :</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Tick the subsidies whose final account goes in the pack; for one account, tick one.</source>
        <translation>Cochez les subventions dont le compte rendu va dans le pack ; pour un seul compte rendu, cochez-en une.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;ubsidies:</source>
        <translation>S&amp;ubventions :</translation>
    </message>
    <message>
        <location line="+6" />
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <location line="+2" />
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Weeks:</source>
        <translation>&amp;Semaines :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Report &amp;texts…</source>
        <translation>&amp;Textes du rapport…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Highlights, difficulties and outlook of the school year, printed in the activity report.</source>
        <translation>Faits marquants, difficultés et perspectives de l'année scolaire, imprimés dans le rapport d'activité.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Preview and print…</source>
        <translation>&amp;Aperçu et impression…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en PD&amp;F…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tables in a &amp;workbook (XLSX)…</source>
        <translation>Tableaux en &amp;classeur (XLSX)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The report's tables, a sheet each, for a funder's own spreadsheet: figures as numbers, amounts in euros, days as dates.</source>
        <translation>Les tableaux du rapport, une feuille chacun, pour le tableur du financeur : les chiffres en nombres, les montants en euros, les jours en dates.</translation>
    </message>
    <message>
        <location line="+65" />
        <source>activity-report-%1</source>
        <translation>rapport-activite-%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>indicators-%1</source>
        <translation>indicateurs-%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>financial-report-%1</source>
        <translation>rapport-financier-%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>subsidy-account-%1</source>
        <translation>compte-rendu-subvention-%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>sign-in-sheets-%1</source>
        <translation>feuilles-emargement-%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>funder-pack-%1</source>
        <translation>pack-financeur-%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Tick one subsidy in the list to print its final account.</source>
        <translation>Cochez une subvention dans la liste pour imprimer son compte rendu.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose a section above: sign-in sheets are printed per section.</source>
        <translation>Choisissez une section ci-dessus : les feuilles d'émargement s'impriment par section.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The last week comes before the first.</source>
        <translation>La dernière semaine précède la première.</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Gathering the figures…</source>
        <translation>Rassemblement des chiffres…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled: nothing was printed.</source>
        <translation>Annulé : rien n'a été imprimé.</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Save the report's tables as a workbook</source>
        <translation>Enregistrer les tableaux du rapport en classeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The report's tables were saved in %1, a sheet each.</source>
        <translation>Les tableaux du rapport ont été enregistrés dans %1, une feuille chacun.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Texts of the activity report %1</source>
        <translation>Textes du rapport d'activité %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>What went well: new customers, successes, events…</source>
        <translation>Ce qui a réussi : nouveaux clients, succès, événements…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What was hard, and what was done about it.</source>
        <translation>Ce qui a été difficile, et ce qui a été fait.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What comes next year.</source>
        <translation>Ce qui vient l'an prochain.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bulleted list</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Highlights:</source>
        <translation>&amp;Faits marquants :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Difficulties:</source>
        <translation>&amp;Difficultés :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Outlook:</source>
        <translation>&amp;Perspectives :</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The texts of %1 are saved.</source>
        <translation>Les textes de %1 sont enregistrés.</translation>
    </message>
</context>
<context>
    <name>etabli::RestoreDialog</name>
    <message>
        <location filename="../../src/gui/shell/restoredialog.cpp" line="+18" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Établi keeps a copy of the database each day it is closed, in %1. Choose the copy to go back to: the current database will be kept aside, not deleted.</source>
        <translation>Établi garde une copie de la base chaque jour où elle est fermée, dans %1. Choisissez la copie à retrouver : la base actuelle sera mise de côté, pas supprimée.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No automatic backup yet.</source>
        <translation>Pas encore de sauvegarde automatique.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Restore this copy…</source>
        <translation>&amp;Restaurer cette copie…</translation>
    </message>
</context>
<context>
    <name>etabli::SalesPage</name>
    <message>
        <location filename="../../src/gui/sales/salespage.cpp" line="+22" />
        <source>Quotes</source>
        <translation>Devis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Work orders</source>
        <translation>Bons de travaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unpaid</source>
        <translation>Impayées</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bank statements</source>
        <translation>Relevés bancaires</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customers and contacts</source>
        <translation>Clients et contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tyre hotel</source>
        <translation>Hôtel de pneus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closings</source>
        <translation>Clôtures</translation>
    </message>
</context>
<context>
    <name>etabli::SettingsPage</name>
    <message>
        <location filename="../../src/gui/settings/settingspage.cpp" line="+43" />
        <source>Amount (€)</source>
        <translation>Montant (€)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source (text of law)</source>
        <translation>Source (texte de loi)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Automatic (French unless the system is in English)</source>
        <translation>Automatique (français, sauf système en anglais)</translation>
    </message>
    <message>
        <location line="+43" />
        <source>The language will change the next time Établi starts.</source>
        <translation>La langue changera au prochain démarrage d'Établi.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Read only: your role does not allow you to change the school's settings.</source>
        <translation>Lecture seule : votre rôle ne permet pas de modifier les paramètres de l'établissement.</translation>
    </message>
    <message>
        <location line="+82" />
        <source>none: VAT is charged on each line</source>
        <translation>aucune : la TVA est facturée sur chaque ligne</translation>
    </message>
    <message>
        <location line="+75" />
        <source>The settings were saved.</source>
        <translation>Les paramètres ont été enregistrés.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Choose the school's logo</source>
        <translation>Choisir le logo de l'école</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This file cannot be read as an image: %1</source>
        <translation>Ce fichier ne peut pas être lu comme une image : %1</translation>
    </message>
    <message>
        <location line="+43" />
        <source>(inactive)</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Reac&amp;tivate</source>
        <translation>Réac&amp;tiver</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Deac&amp;tivate</source>
        <translation>Désac&amp;tiver</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Certifications prepared — %1</source>
        <translation>Certifications préparées — %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What the trainees of this section prepare. A spreadsheet's column named by a kind of certification (“CAP”) is read as the one ticked here.</source>
        <translation>Ce que préparent les jeunes de cette section. Dans un tableur, une colonne nommée par un type de certification (« CAP ») est lue comme celle cochée ici.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>The certifications prepared in “%1” are saved.</source>
        <translation>Les certifications préparées dans la section « %1 » sont enregistrées.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Chart of accounts</source>
        <translation>Plan comptable</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The account each movement is booked on in the file for the accountant (FEC): the number and name the accountant's software uses. A budget category's entries go to its own account.</source>
        <translation>Le compte sur lequel chaque mouvement est inscrit dans le fichier pour le comptable (FEC) : le numéro et le nom qu'emploie le logiciel de l'expert-comptable. Les écritures d'une catégorie du budget vont sur son propre compte.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1: number</source>
        <translation>%1 : numéro</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: name</source>
        <translation>%1 : nom</translation>
    </message>
    <message>
        <location line="+10" />
        <source>as other expenses</source>
        <translation>comme les autres charges</translation>
    </message>
    <message>
        <location line="+0" />
        <source>as other income</source>
        <translation>comme les autres produits</translation>
    </message>
    <message>
        <location line="+31" />
        <source>The chart of accounts is saved.</source>
        <translation>Le plan comptable est enregistré.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>New section</source>
        <translation>Nouvelle section</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+20" />
        <source>Name of the section or workshop:</source>
        <translation>Nom de la section ou de l'atelier :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Rename the section</source>
        <translation>Renommer la section</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Delete the section</source>
        <translation>Supprimer la section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the section “%1”? This cannot be undone. A section that trainees attended cannot be deleted: deactivate it instead.</source>
        <translation>Supprimer la section « %1 » ? C'est définitif. Une section qui a accueilli des jeunes ne peut pas être supprimée : désactivez-la plutôt.</translation>
    </message>
</context>
<context>
    <name>etabli::SheetImportDialog</name>
    <message>
        <location filename="../../src/gui/common/sheetimportdialog.cpp" line="+23" />
        <source>Leave the refused lines out and import the others</source>
        <translation>Laisser de côté les lignes refusées et importer les autres</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Choose the file…</source>
        <translation>C&amp;hoisir le fichier…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Tableurs (*.xlsx *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Cannot read “%1”: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Reading stopped; nothing was imported.</source>
        <translation>Lecture arrêtée ; rien n'a été importé.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file is refused: %1</source>
        <translation>Le fichier est refusé : %1</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Import stopped; nothing was imported.</source>
        <translation>Import arrêté ; rien n'a été importé.</translation>
    </message>
</context>
<context>
    <name>etabli::StatementImportDialog</name>
    <message>
        <location filename="../../src/gui/sales/statementimportdialog.cpp" line="+26" />
        <source>imported already (left out)</source>
        <translation>déjà importée (laissée de côté)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>credit to reconcile</source>
        <translation>crédit à rapprocher</translation>
    </message>
    <message>
        <location line="+1" />
        <source>debit</source>
        <translation>débit</translation>
    </message>
    <message>
        <location line="+7" />
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Import a bank statement</source>
        <translation>Importer un relevé bancaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On the bank's website, download the account's statement as OFX ("Money", "Quicken"), as CAMT.053 (XML) or as CSV or Excel, then choose the file here. Its movements are recorded once: a file imported already is refused, and the movements an earlier statement gave are left out. The credits are then reconciled, line by line, with the unpaid invoices, the deposit slips and the gifts.</source>
        <translation>Sur le site de la banque, téléchargez le relevé du compte au format OFX (« Money », « Quicken »), CAMT.053 (XML), CSV ou Excel, puis choisissez le fichier ici. Ses opérations ne sont enregistrées qu'une fois : un fichier déjà importé est refusé, et les opérations qu'un relevé précédent a déjà données sont laissées de côté. Les crédits se rapprochent ensuite, ligne par ligne, des factures impayées, des remises de chèques et des dons.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>C&amp;olumns…</source>
        <translation>C&amp;olonnes…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Day</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wording</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What happens</source>
        <translation>Ce qui se passe</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Which columns of the bank's CSV file give the day, the wording and the amount.</source>
        <translation>Les colonnes du fichier CSV de la banque qui donnent la date, le libellé et le montant.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Bank statements (*.ofx *.xml *.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Relevés bancaires (*.ofx *.xml *.csv *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Établi does not recognise the columns of this file (%1): say which they are with “Columns…”; they will be remembered for this bank.</source>
        <translation>Établi ne reconnaît pas les colonnes de ce fichier (%1) : indiquez-les avec « Colonnes… » ; elles seront retenues pour cette banque.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%1 statement from %2 to %3%4: %n new movement(s), </source>
        <translation>
            <numerusform>Relevé %1 du %2 au %3%4 : %n opération nouvelle, </numerusform>
            <numerusform>Relevé %1 du %2 au %3%4 : %n opérations nouvelles, </numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>, account %1</source>
        <translation>, compte %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n credit(s) to reconcile for %1</source>
        <translation>
            <numerusform>%n crédit à rapprocher pour %1</numerusform>
            <numerusform>%n crédits à rapprocher pour %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n movement(s) imported already, left out</source>
        <translation>
            <numerusform>%n opération déjà importée, laissée de côté</numerusform>
            <numerusform>%n opérations déjà importées, laissées de côté</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21" />
        <source>Columns of the bank's file</source>
        <translation>Colonnes du fichier de la banque</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Day of the movement</source>
        <translation>&amp;Date de l'opération</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Wording</source>
        <translation>&amp;Libellé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wording, &amp;continued</source>
        <translation>Libellé (&amp;suite)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Amount (signed)</source>
        <translation>&amp;Montant (signé)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;redit (money in)</source>
        <translation>C&amp;rédit (entrées)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>D&amp;ebit (money out)</source>
        <translation>D&amp;ébit (sorties)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Choose the column of the day, one of the wording, and the amount's (or those of the credit and the debit).</source>
        <translation>Choisissez la colonne de la date, une du libellé, et celle du montant (ou celles du crédit et du débit).</translation>
    </message>
</context>
<context>
    <name>etabli::SubsidiesPage</name>
    <message>
        <location filename="../../src/gui/funding/subsidiespage.cpp" line="+71" />
        <source>Financial &amp;year:</source>
        <translation>&amp;Exercice :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Status:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <location line="+6" />
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose</source>
        <translation>Affectation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Granted</source>
        <translation>Accordée</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Final account due</source>
        <translation>Compte rendu dû le</translation>
    </message>
    <message>
        <location line="+37" />
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New request…</source>
        <translation>&amp;Nouvelle demande…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Subsidies</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <location line="+2" />
        <source>financial year %1</source>
        <translation>exercice %1</translation>
    </message>
    <message>
        <location line="+36" />
        <source>The subsidy request is saved: it is in the list below.</source>
        <translation>La demande de subvention est enregistrée : elle figure dans la liste ci-dessous.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The subsidy is saved.</source>
        <translation>La subvention est enregistrée.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Your account does not allow seeing this list.</source>
        <translation>Votre compte ne permet pas de voir cette liste.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>All years</source>
        <translation>Tous les exercices</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1: &lt;b&gt;%2&lt;/b&gt; (%3)</source>
        <translation>%1 : &lt;b&gt;%2&lt;/b&gt; (%3)</translation>
    </message>
</context>
<context>
    <name>etabli::SubsidyDialog</name>
    <message>
        <location filename="../../src/gui/funding/subsidydialog.cpp" line="+45" />
        <source>New subsidy request</source>
        <translation>Nouvelle demande de subvention</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Subsidy</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Programme or action funded</source>
        <translation>Programme ou action financée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>2025-2026 (optional)</source>
        <translation>2025-2026 (facultatif)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What the funder asks: indicators, reporting, publicity…</source>
        <translation>Ce que demande le financeur : indicateurs, bilans, publicité…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Left blank: six months after the end of the financial year.</source>
        <translation>Laissé vide : six mois après la fin de l'exercice.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Funder:</source>
        <translation>&amp;Financeur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Purpose:</source>
        <translation>&amp;Affectation :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financial &amp;year:</source>
        <translation>&amp;Exercice :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School year:</source>
        <translation>Année scolaire :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount &amp;requested:</source>
        <translation>Montant &amp;demandé :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Requested on:</source>
        <translation>Demandé le :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conditions:</source>
        <translation>Conditions :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Decision:</source>
        <translation>Dé&amp;cision :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount &amp;granted:</source>
        <translation>Montant a&amp;ccordé :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decided on:</source>
        <translation>Décidé le :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement reference:</source>
        <translation>Référence de la convention :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement signed on:</source>
        <translation>Convention signée le :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Final account due:</source>
        <translation>Compte rendu dû le :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Final account sent on:</source>
        <translation>Compte rendu envoyé le :</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Request and &amp;instalments</source>
        <translation>Demande et &amp;versements</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;b&gt;Instalments&lt;/b&gt; (days as dd/mm/yyyy; leave “received” blank until the money comes)</source>
        <translation>&lt;b&gt;Versements&lt;/b&gt; (dates en jj/mm/aaaa ; laissez « reçu » vide tant que l'argent n'est pas arrivé)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Add an &amp;instalment</source>
        <translation>Ajouter un &amp;versement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove the instalment</source>
        <translation>Retirer le versement</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The action funded: its aims, the young people concerned, where and when.</source>
        <translation>L'action financée : ses objectifs, les jeunes concernés, où et quand.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Why the actual differs from the forecast, line by line when it matters.</source>
        <translation>Pourquoi le réalisé diffère du prévu, ligne par ligne quand c'est important.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Action &amp;funded:</source>
        <translation>Action &amp;financée :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Deviations explained:</source>
        <translation>&amp;Écarts expliqués :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Indicators &amp;asked for:</source>
        <translation>Indicateurs &amp;demandés :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Printed in Rapports › “Final account of a subsidy”, laid out like Cerfa n°15059.</source>
        <translation>Imprimé dans Rapports › « Compte rendu financier de subvention », présenté comme le Cerfa n° 15059.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Final &amp;account</source>
        <translation>&amp;Compte rendu</translation>
    </message>
    <message>
        <location line="+9" />
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Action &amp;from</source>
        <translation>Action &amp;du</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Where the action takes place</source>
        <translation>Où l'action se déroule</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Beneficiaries:</source>
        <translation>&amp;Bénéficiaires :</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Bu&amp;dget:</source>
        <translation>Bud&amp;get :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>How the indirect costs are allocated: share of hours, of trainees…</source>
        <translation>Comment les charges indirectes sont réparties : part des heures, des jeunes…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Indirect costs rule:</source>
        <translation>Règle des charges &amp;indirectes :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Done a&amp;t</source>
        <translation>Fai&amp;t à</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Action and its &amp;budget</source>
        <translation>Action et b&amp;udget</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>etabli::TeamPage</name>
    <message>
        <location filename="../../src/gui/workshops/teampage.cpp" line="+48" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Job</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Volunteer</source>
        <translation>Bénévole</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Add a person…</source>
        <translation>&amp;Ajouter une personne…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;hange…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;b&gt;Volunteer hours&lt;/b&gt;</source>
        <translation>&lt;b&gt;Heures de bénévolat&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Value of an hour (€)</source>
        <translation>&amp;Valeur d'une heure (€)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save the value</source>
        <translation>Enregistrer la valeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Record &amp;hours…</source>
        <translation>Saisir des &amp;heures…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&lt;b&gt;The team&lt;/b&gt; — employees and volunteers</source>
        <translation>&lt;b&gt;L'équipe&lt;/b&gt; — salariés et bénévoles</translation>
    </message>
    <message>
        <location line="-57" />
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="-17" />
        <source> (left)</source>
        <translation> (parti)</translation>
    </message>
    <message>
        <location line="+128" />
        <source>%1 given, worth %2 (contributions volontaires en nature)</source>
        <translation>%1 données, soit %2 (contributions volontaires en nature)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>New team member</source>
        <translation>Nouveau membre de l'équipe</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Team member</source>
        <translation>Membre de l'équipe</translation>
    </message>
    <message>
        <location line="+9" />
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>(no account)</source>
        <translation>(pas de compte)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>(an account)</source>
        <translation>(un compte)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>In the team (uncheck when the person leaves)</source>
        <translation>Dans l'équipe (décochez quand la personne part)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Last name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;First name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Job</source>
        <translation>&amp;Fonction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sec&amp;tions</source>
        <translation>Sect&amp;ions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A&amp;ccount</source>
        <translation>C&amp;ompte</translation>
    </message>
    <message>
        <location line="+35" />
        <source>%1 joined the team.</source>
        <translation>%1 a rejoint l'équipe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 was changed.</source>
        <translation>%1 a été modifié(e).</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+42" />
        <source>Volunteer hours</source>
        <translation>Heures de bénévolat</translation>
    </message>
    <message>
        <location line="-33" />
        <source>Add the volunteer to the team first (status: volunteer).</source>
        <translation>Ajoutez d'abord le bénévole à l'équipe (statut : bénévole).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>e.g. 2,5 or 2 h 30</source>
        <translation>par ex. 2,5 ou 2 h 30</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. maths support, driving, open day</source>
        <translation>par ex. soutien en maths, transport, portes ouvertes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Volunteer</source>
        <translation>&amp;Bénévole</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Hours</source>
        <translation>&amp;Heures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The hours were recorded.</source>
        <translation>Les heures ont été enregistrées.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Remove %1 given by %2 on %3?</source>
        <translation>Retirer %1 données par %2 le %3 ?</translation>
    </message>
    <message>
        <location line="+24" />
        <source>An hour of volunteering is now valued at %1.</source>
        <translation>Une heure de bénévolat vaut désormais %1.</translation>
    </message>
</context>
<context>
    <name>etabli::TraineeDialog</name>
    <message>
        <location filename="../../src/gui/trainees/traineedialog.cpp" line="+55" />
        <source>Please confirm</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location line="+26" />
        <source>New trainee</source>
        <translation>Nouveau jeune</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+67" />
        <source>%1 %2 — record n°%3</source>
        <translation>%1 %2 — dossier n°%3</translation>
    </message>
    <message>
        <location line="-65" />
        <source>&amp;Identity</source>
        <translation>&amp;Identité</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Guardians</source>
        <translation>&amp;Responsables</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Course</source>
        <translation>&amp;Parcours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Attendance</source>
        <translation>Pré&amp;sences</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Outcome</source>
        <translation>&amp;Devenir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Production</source>
        <translation>Pro&amp;duction</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Booklet</source>
        <translation>&amp;Livret</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Follow-&amp;up</source>
        <translation>S&amp;uivi</translation>
    </message>
    <message>
        <location line="+59" />
        <source>The record of %1 %2 is created. Its guardians, course and follow-up can be filled in now.</source>
        <translation>La fiche de %1 %2 est créée. Ses responsables, son parcours et son suivi peuvent être remplis dès maintenant.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>female</source>
        <translation>féminin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>male</source>
        <translation>masculin</translation>
    </message>
    <message>
        <location line="+19" />
        <source>1st year</source>
        <translation>1re année</translation>
    </message>
    <message>
        <location line="+1" />
        <source>2nd year</source>
        <translation>2e année</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+280" />
        <source>&amp;Last name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="-279" />
        <location line="+280" />
        <source>&amp;First name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <location line="-279" />
        <source>&amp;Born on</source>
        <translation>&amp;Né(e) le</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Se&amp;x</source>
        <translation>Se&amp;xe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Postcode</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;City</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+274" />
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="-273" />
        <location line="+274" />
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location line="-271" />
        <source>Add to the list…</source>
        <translation>Ajouter à la liste…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Referred by</source>
        <translation>&amp;Prescripteur</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New referral</source>
        <translation>Nouveau prescripteur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Who referred the young person:</source>
        <translation>Qui a orienté le jeune :</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Sectio&amp;n</source>
        <translation>Sectio&amp;n</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School year of &amp;entry</source>
        <translation>Année scolaire d'&amp;entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Year of study</source>
        <translation>&amp;Année de formation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;tatus</source>
        <translation>Sta&amp;tut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry &amp;date</source>
        <translation>&amp;Date d'entrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E&amp;xit date</source>
        <translation>Date de so&amp;rtie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exit &amp;reason</source>
        <translation>&amp;Motif de sortie</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A change of section of an enrolled trainee is dated the day it is saved; the reports count each stay in its section.</source>
        <translation>Un changement de section d'un jeune inscrit est daté du jour de l'enregistrement ; les rapports comptent chaque séjour dans sa section.</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>%n year(s) old at entry</source>
        <translation>
            <numerusform>%n an à l'entrée</numerusform>
            <numerusform>%n ans à l'entrée</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48" />
        <source>Came back</source>
        <translation>Revenu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changed section</source>
        <translation>Changé de section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entered</source>
        <translation>Entré</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 on %2, %3, until %4</source>
        <translation>%1 le %2, %3, jusqu'au %4</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 on %2, %3, still there</source>
        <translation>%1 le %2, %3, toujours là</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Stays at the school:</source>
        <translation>Séjours à l'école :</translation>
    </message>
    <message>
        <location line="+93" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Relation</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Add a guardian…</source>
        <translation>&amp;Ajouter un responsable…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location line="+41" />
        <source>New guardian</source>
        <translation>Nouveau responsable</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Guardian</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Relation</source>
        <translation>&amp;Lien</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Remove a guardian</source>
        <translation>Retirer un responsable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove %1 %2 from the guardians?</source>
        <translation>Retirer %1 %2 des responsables ?</translation>
    </message>
    <message>
        <location line="+31" />
        <source>&lt;h3&gt;School year %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Année scolaire %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;p&gt;No attendance recorded yet this school year.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucune présence saisie cette année scolaire.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>&lt;p&gt;Attendance rate: &lt;b&gt;%1 %&lt;/b&gt; over %n recorded half-day(s).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Taux de présence : &lt;b&gt;%1 %&lt;/b&gt; sur %n demi-journée saisie.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Taux de présence : &lt;b&gt;%1 %&lt;/b&gt; sur %n demi-journées saisies.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21" />
        <source>Follow-up notes are confidential: only the direction and the office read them. A note is never changed or deleted; add a new one to correct it.</source>
        <translation>Les notes de suivi sont confidentielles : seuls la direction et le secrétariat les lisent. Une note n'est jamais modifiée ni effacée ; ajoutez-en une nouvelle pour corriger.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>New note…</source>
        <translation>Nouvelle note…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add the &amp;note</source>
        <translation>Ajouter la &amp;note</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1 — %2
%3</source>
        <translation>%1 — %2
%3</translation>
    </message>
</context>
<context>
    <name>etabli::TraineeListModel</name>
    <message>
        <location filename="../../src/gui/trainees/traineelistmodel.cpp" line="+98" />
        <source>1st</source>
        <translation>1re</translation>
    </message>
    <message>
        <location line="+0" />
        <source>2nd</source>
        <translation>2e</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <location line="-88" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Born on</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Age at entry</source>
        <translation>Âge à l'entrée</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year of entry</source>
        <translation>Année d'entrée</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
</context>
<context>
    <name>etabli::TraineesPage</name>
    <message>
        <location filename="../../src/gui/trainees/traineespage.cpp" line="+42" />
        <source>Show a&amp;rchived</source>
        <translation>Afficher les a&amp;rchivés</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;New trainee…</source>
        <translation>&amp;Nouveau jeune…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Arc&amp;hive</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Search by name (Ctrl+F)…</source>
        <translation>Chercher par nom (Ctrl+F)…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Export for the &amp;import (CSV)…</source>
        <translation>Exporter au format d'&amp;import (CSV)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export for the import as a w&amp;orkbook (XLSX)…</source>
        <translation>Exporter au format d'import en cen &amp;classeuramp;lasseur (XLSX)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Move to the &amp;2nd year…</source>
        <translation>Passage en &amp;2e année…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At the start of a school year: the first-years who continue, ticked in one list.</source>
        <translation>À la rentrée : les jeunes de 1re année qui continuent, cochés dans une seule liste.</translation>
    </message>
    <message numerus="yes">
        <location line="+10" />
        <source>%n trainee(s) imported.</source>
        <translation>
            <numerusform>%n jeune importé.</numerusform>
            <numerusform>%n jeunes importés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export the list</source>
        <translation>Exporter la liste</translation>
    </message>
    <message>
        <location line="+2" />
        <source>trainees.csv</source>
        <translation>jeunes.csv</translation>
    </message>
    <message>
        <location line="+0" />
        <source>trainees.xlsx</source>
        <translation>jeunes.xlsx</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+30" />
        <source>All sections</source>
        <translation>Toutes les sections</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message numerus="yes">
        <location line="+37" />
        <source>%n trainee(s)</source>
        <translation>
            <numerusform>%n jeune</numerusform>
            <numerusform>%n jeunes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17" />
        <source>The list was exported to %1.</source>
        <translation>La liste a été exportée dans %1.</translation>
    </message>
    <message>
        <location line="+60" />
        <source>No enrolled first-year entered before this school year: nobody to move.</source>
        <translation>Aucun jeune inscrit en 1re année n'est entré avant cette année scolaire : personne à faire passer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Move to the 2nd year</source>
        <translation>Passage en 2e année</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 %2 — %3, entered in %4-%5</source>
        <translation>%1 %2 — %3, entré(e) en %4-%5</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Tick those who continue
(untick a repeat or a departure):</source>
        <translation>Cochez ceux qui continuent
(décochez un redoublement ou un départ) :</translation>
    </message>
    <message numerus="yes">
        <location line="+16" />
        <source>%n trainee(s) moved to the 2nd year.</source>
        <translation>
            <numerusform>%n jeune passé en 2e année.</numerusform>
            <numerusform>%n jeunes passés en 2e année.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12" />
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archive the record of %1? It leaves the lists but stays in the statistics and can be shown again with “Show archived”.</source>
        <translation>Archiver le dossier de %1 ? Il quitte les listes mais reste dans les statistiques, et réapparaît avec « Afficher les archivés ».</translation>
    </message>
</context>
<context>
    <name>etabli::TyreHotelPage</name>
    <message>
        <location filename="../../src/gui/sales/tyrehotelpage.cpp" line="+23" />
        <source>Tyre hotel</source>
        <translation>Hôtel des pneus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type a plate and Enter, or a customer's name…</source>
        <translation>Tapez une immatriculation puis Entrée, ou le nom d'un client…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Store a set…</source>
        <translation>&amp;Ranger un jeu…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Every season</source>
        <translation>Toutes les saisons</translation>
    </message>
    <message>
        <location line="+3" />
        <source>In storage</source>
        <translation>En gardiennage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Given back</source>
        <translation>Rendus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Print the list…</source>
        <translation>&amp;Imprimer la liste…</translation>
    </message>
</context>
<context>
    <name>etabli::TyreSetDialog</name>
    <message>
        <location filename="../../src/gui/sales/tyresetdialog.cpp" line="+33" />
        <source>with their &amp;rims</source>
        <translation>avec les &amp;jantes</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Print the &amp;label…</source>
        <translation>Im&amp;primer l'étiquette…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label P&amp;DF…</source>
        <translation>P&amp;DF de l'étiquette…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>De&amp;posit receipt…</source>
        <translation>&amp;Bon de dépôt…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Invoice the storage…</source>
        <translation>Facturer le &amp;gardiennage…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Given back to the customer…</source>
        <translation>Rend&amp;u au client…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>AB-123-CD</source>
        <translation>AB-123-CD</translation>
    </message>
    <message>
        <location line="+6" />
        <source>e.g. Michelin Alpin 6</source>
        <translation>ex. Michelin Alpin 6</translation>
    </message>
    <message>
        <location line="+6" />
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tread depth of tyre %1, in mm (e.g. 6,5)</source>
        <translation>Profondeur de sculpture du pneu %1, en mm (ex. 6,5)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Rac&amp;k</source>
        <translation>&amp;Casier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>R&amp;ow</source>
        <translation>&amp;Rangée</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Le&amp;vel</source>
        <translation>Ni&amp;veau</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Plate</source>
        <translation>&amp;Immatriculation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Season</source>
        <translation>&amp;Saison</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Si&amp;ze</source>
        <translation>Di&amp;mension</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Brand</source>
        <translation>Mar&amp;que</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Number of tyres</source>
        <translation>&amp;Nombre de pneus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Tread (mm)</source>
        <translation>Scu&amp;lpture (mm)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Place</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Came in on</source>
        <translation>En&amp;tré le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Storage &amp;fee</source>
        <translation>Tari&amp;f</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Notes</source>
        <translation>Re&amp;marques</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+23" />
        <source>label-%1</source>
        <translation>etiquette-%1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+65" />
        <source>No vehicle has this plate: add it first to its owner's card (Customers and contacts).</source>
        <translation>Aucun véhicule n'a cette immatriculation : ajoutez-le d'abord sur la fiche de son propriétaire (Clients et contacts).</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Tyres coming in</source>
        <translation>Pneus à ranger</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tyres of %1</source>
        <translation>Pneus de %1</translation>
    </message>
    <message>
        <location line="+35" />
        <source>coming in</source>
        <translation>à ranger</translation>
    </message>
    <message>
        <location line="+2" />
        <source>in storage since %1</source>
        <translation>en gardiennage depuis le %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>given back on %1</source>
        <translation>rendus le %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>storage invoiced: %1</source>
        <translation>gardiennage facturé : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Tyre %1: type its tread depth in mm, e.g. 6,5.</source>
        <translation>Pneu %1 : tapez sa profondeur de sculpture en mm, ex. 6,5.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Stored at %1: print the label to stick on the tyres.</source>
        <translation>Rangé : %1. Imprimez l'étiquette à coller sur les pneus.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Give the tyres of %1 back to %2 on %3? %4 becomes free.</source>
        <translation>Rendre les pneus de %1 à %2 le %3 ? %4 se libère.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>A draft invoice of the storage is ready in Invoices: check it and issue it.</source>
        <translation>Un brouillon de facture du gardiennage est prêt dans Factures : vérifiez-le puis émettez-le.</translation>
    </message>
</context>
<context>
    <name>etabli::TyreSetListModel</name>
    <message>
        <location filename="../../src/gui/sales/tyresetlistmodel.cpp" line="+14" />
        <source>Place</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Plate</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Season</source>
        <translation>Saison</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tyres</source>
        <translation>Pneus</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tread</source>
        <translation>Sculpture</translation>
    </message>
    <message>
        <location line="+0" />
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location line="+37" />
        <source> + rims</source>
        <translation> + jantes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
<context>
    <name>etabli::UserDialog</name>
    <message>
        <location filename="../../src/gui/access/userdialog.cpp" line="+19" />
        <source>Account &amp;active</source>
        <translation>Compte &amp;actif</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Account %1</source>
        <translation>Compte %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Full name</source>
        <translation>&amp;Nom complet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Sections (trainers)</source>
        <translation>&amp;Sections (formateurs)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>12 characters or more; to change at first login</source>
        <translation>12 caractères ou plus ; à changer à la première connexion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First &amp;password</source>
        <translation>&amp;Mot de passe initial</translation>
    </message>
</context>
<context>
    <name>etabli::UsersPage</name>
    <message>
        <location filename="../../src/gui/access/userspage.cpp" line="+49" />
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+61" />
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <location line="-60" />
        <source>&amp;Reset the password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <location line="-28" />
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <location line="-6" />
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>locked after failed attempts, until %1</source>
        <translation>verrouillé après des essais manqués, jusqu'à %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location line="+6" />
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Re&amp;activate</source>
        <translation>Ré&amp;activer</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+40" />
        <source>The account “%1” was created. Its owner will choose a new password at first login.</source>
        <translation>Le compte « %1 » a été créé. Son titulaire choisira un nouveau mot de passe à la première connexion.</translation>
    </message>
    <message>
        <location line="-28" />
        <source>The account “%1” was saved.</source>
        <translation>Le compte « %1 » a été enregistré.</translation>
    </message>
    <message>
        <location line="+71" />
        <source>New password for %1</source>
        <translation>Nouveau mot de passe pour %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The password was reset: its owner will choose a new one at next login.</source>
        <translation>Le mot de passe a été réinitialisé : son titulaire en choisira un nouveau à la prochaine connexion.</translation>
    </message>
</context>
<context>
    <name>etabli::WelcomeDialog</name>
    <message>
        <location filename="../../src/gui/shell/welcomedialog.cpp" line="+23" />
        <source>Your school's database will be the file %1 (you may choose another place); its automatic backups go to the folder %2 beside it.</source>
        <translation>La base de votre école sera le fichier %1 (vous pourrez choisir un autre endroit) ; ses sauvegardes automatiques iront dans le dossier %2, à côté.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>etabli::WorkOrderListModel</name>
    <message>
        <location filename="../../src/gui/sales/orderlistmodels.cpp" line="+54" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+39" />
        <source> (late)</source>
        <translation> (en retard)</translation>
    </message>
</context>
<context>
    <name>etabli::WorkshopsPage</name>
    <message>
        <location filename="../../src/gui/workshops/workshopspage.cpp" line="+18" />
        <source>Today's entry</source>
        <translation>Saisie du jour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Production log</source>
        <translation>Journal d'atelier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Figures</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Catalogue and skills</source>
        <translation>Catalogue et compétences</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
</context>
<context>
    <name>etabli::YearCombo</name>
    <message>
        <location filename="../../src/gui/funding/yearcombo.cpp" line="+37" />
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>, closed</source>
        <translation>, clos</translation>
    </message>
</context>
</TS>