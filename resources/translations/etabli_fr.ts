<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <location line="+25" />
        <source>The built-in backup is for SQLite databases. For PostgreSQL, use pg_dump on the server.</source>
        <translation>La sauvegarde intégrée concerne les bases SQLite. Pour PostgreSQL, utilisez pg_dump sur le serveur.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The copy cannot replace the database itself.</source>
        <translation>La copie ne peut pas remplacer la base elle-même.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file “%1” already exists: it was not replaced.</source>
        <translation>Le fichier « %1 » existe déjà : il n'a pas été remplacé.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cannot create the folder “%1”.</source>
        <translation>Impossible de créer le dossier « %1 ».</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot write in the folder “%1”.</source>
        <translation>Impossible d'écrire dans le dossier « %1 ».</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Copying the database to “%1” failed.</source>
        <translation>La copie de la base vers « %1 » a échoué.</translation>
    </message>
    <message>
        <location line="+9" />
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
        <location line="+12" />
        <source>Cannot copy the backup “%1”.</source>
        <translation>Impossible de copier la sauvegarde « %1 ».</translation>
    </message>
    <message>
        <location line="+9" />
        <source>“%1” already exists.</source>
        <translation>« %1 » existe déjà.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../src/cli/clicommands.cpp" line="+27" />
        <source>Database: an SQLite file or postgresql://user[:password]@host[:port]/dbname (default: ETABLI_DATABASE, then the default database).</source>
        <translation>Base de données : fichier SQLite ou postgresql://utilisateur[:mot de passe]@serveur[:port]/base (sinon ETABLI_DATABASE, sinon la base par défaut).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DATABASE</source>
        <translation>BASE</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Log level: trace, debug, info, warning, error, off.</source>
        <translation>Niveau du journal : trace, debug, info, warning, error, off.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LEVEL</source>
        <translation>NIVEAU</translation>
    </message>
    <message>
        <location line="+15" />
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
        <location line="+28" />
        <source>Usage: etabli-cli &lt;command&gt; [options]</source>
        <translation>Usage : etabli-cli &lt;commande&gt; [options]</translation>
    </message>
    <message>
        <location line="+1" />
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
        <source>  backup   writes a verified copy of a database in use</source>
        <translation>  backup   écrit une copie vérifiée d'une base en cours d'utilisation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>General options: --help, --version. Help on a command: etabli-cli &lt;command&gt; --help</source>
        <translation>Options générales : --help, --version. Aide d'une commande : etabli-cli &lt;commande&gt; --help</translation>
    </message>
    <message>
        <location line="+28" />
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
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My production school</source>
        <translation>Mon école de production</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Creates an empty database for a school, with its default sections.</source>
        <translation>Crée une base de données vide pour une école, avec ses sections par défaut.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The school's name cannot be empty.</source>
        <translation>Le nom de l'école ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Database created: %1</source>
        <translation>Base créée : %1</translation>
    </message>
    <message>
        <location line="+9" />
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
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reference date YYYY-MM-DD (default: today).</source>
        <translation>Date de référence AAAA-MM-JJ (par défaut : aujourd'hui).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Creates a realistic and reproducible demonstration database.</source>
        <translation>Crée une base de démonstration réaliste et reproductible.</translation>
    </message>
    <message>
        <location line="+13" />
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
        <location line="+13" />
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
        <location line="+4" />
        <source>The database has problems.</source>
        <translation>La base présente des problèmes.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>File of the copy (must not exist).</source>
        <translation>Fichier de la copie (ne doit pas exister).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writes a consistent, verified copy of a database, even while it is in use.</source>
        <translation>Écrit une copie cohérente et vérifiée d'une base, même en cours d'utilisation.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Give the file of the copy with --out FILE.</source>
        <translation>Indiquez le fichier de la copie avec --out FICHIER.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The file “%1” already exists: it was not replaced.</source>
        <translation>Le fichier « %1 » existe déjà : il n'a pas été remplacé.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Verified copy written to %1</source>
        <translation>Copie vérifiée écrite dans %1</translation>
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
        <location line="+3" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Applications</source>
        <translation>Candidatures</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../src/core/storage/database.cpp" line="+97" />
        <source>“%1” is a folder, not a database.</source>
        <translation>« %1 » est un dossier, pas une base de données.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database “%1” cannot be found.</source>
        <translation>La base de données « %1 » est introuvable.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The file “%1” is empty: it is not an Établi database.</source>
        <translation>Le fichier « %1 » est vide : ce n'est pas une base de données Établi.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file “%1” already exists: Établi does not overwrite it. Choose another name.</source>
        <translation>Le fichier « %1 » existe déjà : Établi ne l'écrase pas. Choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot create the folder “%1”.</source>
        <translation>Impossible de créer le dossier « %1 ».</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cannot read the file “%1”.</source>
        <translation>Impossible de lire le fichier « %1 ».</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file “%1” is not an Établi database.</source>
        <translation>Le fichier « %1 » n'est pas une base de données Établi.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+192" />
        <source>The database “%1” is read-only: Établi cannot save into it. Copy it to a folder where you can write.</source>
        <translation>La base de données « %1 » est en lecture seule : Établi ne peut pas y enregistrer. Copiez-la dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="-130" />
        <source>The %1 database driver is not installed.</source>
        <translation>Le pilote de base de données %1 n'est pas installé.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot connect to the PostgreSQL database “%1”. Check the server, the user name and the password.</source>
        <translation>Impossible de se connecter à la base PostgreSQL « %1 ». Vérifiez le serveur, le nom d'utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cannot open the database “%1”.</source>
        <translation>Impossible d'ouvrir la base de données « %1 ».</translation>
    </message>
    <message>
        <location line="+27" />
        <source>“%1” is a database that does not belong to Établi: it was not changed.</source>
        <translation>« %1 » est une base de données qui n'appartient pas à Établi : elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The file “%1” is damaged or is not a database. Restore a backup (File → Restore a backup).</source>
        <translation>Le fichier « %1 » est endommagé ou n'est pas une base de données. Restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+39" />
        <source>“%1” already holds an Établi database: it was not changed.</source>
        <translation>« %1 » contient déjà une base Établi : elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1” is empty: it is not an Établi database.</source>
        <translation>« %1 » est vide : ce n'est pas une base de données Établi.</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+9" />
        <source>The database “%1” is damaged. Restore a backup (File → Restore a backup).</source>
        <translation>La base « %1 » est endommagée. Restaurez une sauvegarde (Fichier → Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The database “%1” was made by a newer version of Établi (schema %2; this version knows schema %3). Install the latest version of Établi.</source>
        <translation>La base « %1 » a été créée par une version plus récente d'Établi (schéma %2 ; cette version connaît le schéma %3). Installez la dernière version d'Établi.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The database “%1” is locked by another program or computer. Close it, then try again.</source>
        <translation>La base « %1 » est verrouillée par un autre programme ou un autre poste. Fermez-le puis réessayez.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Cannot configure the database “%1”.</source>
        <translation>Impossible de configurer la base « %1 ».</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cannot turn foreign keys on.</source>
        <translation>Impossible d'activer les clés étrangères.</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Upgrading the database “%1” (step %2) failed: this step changed nothing.</source>
        <translation>La mise à jour de la base « %1 » (étape %2) a échoué : rien n'a été modifié par cette étape.</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../src/gui/shell/databaseactions.cpp" line="+76" />
        <location line="+16" />
        <source>Create my school's database</source>
        <translation>Créer la base de mon école</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Name of the school (it can be changed later in Settings):</source>
        <translation>Nom de l'école (modifiable ensuite dans les Paramètres) :</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Where to keep the database</source>
        <translation>Où enregistrer la base de données</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+41" />
        <source>Établi database (*.sqlite)</source>
        <translation>Base Établi (*.sqlite)</translation>
    </message>
    <message>
        <location line="-26" />
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
        <location line="+14" />
        <location line="+11" />
        <location line="+8" />
        <location line="+3" />
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <location line="-21" />
        <source>This database is on a PostgreSQL server: its copies are made on the server (pg_dump).</source>
        <translation>Cette base est sur un serveur PostgreSQL : ses copies se font sur le serveur (pg_dump).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>A verified copy was saved to %1.</source>
        <translation>Une copie vérifiée a été enregistrée dans %1.</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <location filename="../../src/core/storage/databaselocation.cpp" line="+14" />
        <source>No database was given.</source>
        <translation>Aucune base de données n'est indiquée.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Invalid PostgreSQL address: “%1”. Expected form: postgresql://user[:password]@host[:port]/dbname.</source>
        <translation>Adresse PostgreSQL invalide : « %1 ». Forme attendue : postgresql://utilisateur[:mot de passe]@serveur[:port]/base.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>“%1” is neither a file nor a postgresql:// address.</source>
        <translation>« %1 » n'est ni un fichier ni une adresse postgresql://.</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <location filename="../../src/core/services/demogenerator.cpp" line="+171" />
        <source>Unknown scale “%1”: choose “school” or “federation”.</source>
        <translation>Échelle inconnue « %1 » : choisissez « school » ou « federation ».</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <location filename="../../src/print/documentprinter.cpp" line="+43" />
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+11" />
        <source>Cannot write “%1”.</source>
        <translation>Impossible d'écrire « %1 ».</translation>
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
        <location line="+43" />
        <location line="+8" />
        <source>The amount “%1” is too large.</source>
        <translation>Le montant « %1 » est trop grand.</translation>
    </message>
</context>
<context>
    <name>SchoolRepository</name>
    <message>
        <location filename="../../src/core/storage/schoolrepository.cpp" line="+20" />
        <source>The school has not been set up yet.</source>
        <translation>L'établissement n'est pas encore renseigné.</translation>
    </message>
    <message>
        <location line="+75" />
        <source>The school's settings were changed meanwhile on another computer. Reload them, then make your change again.</source>
        <translation>Les paramètres de l'établissement ont été modifiés entre-temps sur un autre poste. Rechargez-les puis refaites votre modification.</translation>
    </message>
</context>
<context>
    <name>SchoolService</name>
    <message>
        <location filename="../../src/core/services/schoolservice.cpp" line="+32" />
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
        <location line="+7" />
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
        <location line="+3" />
        <source>The e-mail address “%1” is not valid.</source>
        <translation>L'adresse e-mail « %1 » n'est pas valide.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first month of the financial year must be between 1 and 12.</source>
        <translation>Le mois de début de l'exercice doit être entre 1 et 12.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The school-year start month must be between 1 and 12.</source>
        <translation>Le mois de rentrée doit être entre 1 et 12.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>When exempt from VAT, the mention printed on invoices is required.</source>
        <translation>En franchise de TVA, la mention à imprimer sur les factures est obligatoire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The logo is too large (2 MB at most).</source>
        <translation>Le logo est trop lourd (2 Mo au plus).</translation>
    </message>
    <message>
        <location line="+64" />
        <location line="+17" />
        <source>The section's name is required.</source>
        <translation>Le nom de la section est obligatoire.</translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>This section has trainees (%n): deactivate it instead of deleting it.</source>
        <translation>
            <numerusform>Cette section a des jeunes inscrits (%n jeune(s)) : désactivez-la plutôt que de la supprimer.</numerusform>
            <numerusform>Cette section a des jeunes inscrits (%n jeune(s)) : désactivez-la plutôt que de la supprimer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionRepository</name>
    <message>
        <location filename="../../src/core/storage/sectionrepository.cpp" line="+47" />
        <location line="+22" />
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
        <location line="+2" />
        <source>The school may issue &amp;tax receipts for gifts (organisation of general interest)</source>
        <translation>L'école peut délivrer des &amp;reçus fiscaux pour les dons (organisme d'intérêt général)</translation>
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
    <name>SqlQuery</name>
    <message>
        <location filename="../../src/core/storage/sqlquery.cpp" line="+23" />
        <source>The database refused the change: this value already exists.</source>
        <translation>La base de données a refusé l'enregistrement : cette valeur existe déjà.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database refused the change: the item is linked to other data.</source>
        <translation>La base de données a refusé l'enregistrement : l'élément est lié à d'autres données.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The database refused the change: a value is missing or out of the allowed range.</source>
        <translation>La base de données a refusé l'enregistrement : une valeur est manquante ou hors des limites permises.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database refused the change (%1).</source>
        <translation>La base de données a refusé la modification (%1).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The database is busy with another computer or program. Try again in a moment.</source>
        <translation>La base de données est occupée par un autre poste ou programme. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database is read-only: nothing can be saved.</source>
        <translation>La base de données est en lecture seule : rien ne peut être enregistré.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database file is damaged or is not a database.</source>
        <translation>Le fichier de la base de données est endommagé ou n'est pas une base de données.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The connection to the database server was lost.</source>
        <translation>La connexion au serveur de base de données est perdue.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The database reported an error.</source>
        <translation>La base de données a signalé une erreur.</translation>
    </message>
    <message>
        <location line="+73" />
        <location line="+9" />
        <location line="+14" />
        <source>Internal error: badly parameterised query.</source>
        <translation>Erreur interne : requête mal paramétrée.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Internal error: no id returned.</source>
        <translation>Erreur interne : identifiant non renvoyé.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/gui/shell/startup.cpp" line="+41" />
        <source>Demonstration school</source>
        <translation>École de démonstration</translation>
    </message>
    <message>
        <location line="+21" />
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
        <location line="+9" />
        <source>Unknown log level: “%1”.</source>
        <translation>Niveau de journal inconnu : « %1 ».</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+6" />
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
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
        <location line="+23" />
        <source>Internal error: no transaction in progress.</source>
        <translation>Erreur interne : aucune transaction en cours.</translation>
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
</context>
<context>
    <name>etabli::DashboardPage</name>
    <message>
        <location filename="../../src/gui/dashboard/dashboardpage.cpp" line="+26" />
        <source>Export to PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <location line="+19" />
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
        <location line="+9" />
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Applications</source>
        <translation>Candidatures</translation>
    </message>
    <message>
        <location line="+54" />
        <source>School year %1 — %2</source>
        <translation>Année scolaire %1 — %2</translation>
    </message>
    <message>
        <location line="+27" />
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
        <location line="+1" />
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
    <name>etabli::MainWindow</name>
    <message>
        <location filename="../../src/gui/shell/mainwindow.cpp" line="+84" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+15" />
        <source>Trainees</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location line="-14" />
        <location line="+19" />
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
    <message>
        <location line="-18" />
        <location line="+23" />
        <source>Customers and orders</source>
        <translation>Clients et commandes</translation>
    </message>
    <message>
        <location line="-22" />
        <location line="+27" />
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <location line="-26" />
        <location line="+31" />
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The young people's records: identity, guardians, referral, section and year, attendance by half-day, internships, certifications and what became of them.</source>
        <translation>Les dossiers des jeunes : identité, responsables légaux, prescripteur, section et année, présences par demi-journée, stages, certifications et devenir.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The sections and their team, the catalogue of each workshop, and the production log written by the trainers: who made what, for which order, in how many hours.</source>
        <translation>Les sections et leur équipe, le catalogue de chaque atelier et le journal d'atelier tenu par les formateurs : qui a fait quoi, pour quelle commande, en combien d'heures.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Customers and their vehicles, quotes, work orders, invoices, credit notes and payments, under the French invoicing rules.</source>
        <translation>Les clients et leurs véhicules, devis, bons de travaux, factures, avoirs et règlements, selon les règles françaises de facturation.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Financial years, budget forecast and actual, donations with their tax receipts, subsidies and the self-financing share.</source>
        <translation>Les exercices, le budget prévisionnel et le réalisé, les dons et leurs reçus fiscaux, les subventions et la part d'autofinancement.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The activity report, the financial report, the accounts of each subsidy and the attendance sheets that funders ask for.</source>
        <translation>Le rapport d'activité, le rapport financier, le compte rendu de chaque subvention et les feuilles d'émargement demandés par les financeurs.</translation>
    </message>
    <message>
        <location line="+19" />
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
        <location line="+2" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About Établi</source>
        <translation>À &amp;propos d'Établi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the &amp;log</source>
        <translation>Ouvrir le &amp;journal</translation>
    </message>
    <message>
        <location line="+22" />
        <source>No database open</source>
        <translation>Aucune base ouverte</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>demonstration school (invented data)</source>
        <translation>école de démonstration (données inventées)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unsaved settings</source>
        <translation>Paramètres non enregistrés</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The settings were changed but not saved. Save them now?</source>
        <translation>Les paramètres ont été modifiés sans être enregistrés. Les enregistrer maintenant ?</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+9" />
        <location line="+12" />
        <location line="+5" />
        <location line="+3" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="-28" />
        <source>This database is on a PostgreSQL server: it is restored on the server.</source>
        <translation>Cette base est sur un serveur PostgreSQL : elle se restaure sur le serveur.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Replace the current database by the copy “%1”? What was entered since that copy will no longer show; the current database is kept beside it, renamed, in case.</source>
        <translation>Remplacer la base actuelle par la copie « %1 » ? Ce qui a été saisi depuis cette copie n'apparaîtra plus ; la base actuelle est conservée à côté, renommée, au cas où.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The copy was restored. The previous database was kept as %1.</source>
        <translation>La copie a été restaurée. L'ancienne base est conservée sous le nom %1.</translation>
    </message>
    <message>
        <location line="+6" />
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
    <name>etabli::MessageBanner</name>
    <message>
        <location filename="../../src/gui/common/messagebanner.cpp" line="+19" />
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
</context>
<context>
    <name>etabli::PlaceholderPage</name>
    <message>
        <location filename="../../src/gui/common/placeholderpage.cpp" line="+22" />
        <source>This module comes in a next version of Établi.</source>
        <translation>Ce module arrive dans une prochaine version d'Établi.</translation>
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
        <location line="+4" />
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
    <name>etabli::SettingsPage</name>
    <message>
        <location filename="../../src/gui/settings/settingspage.cpp" line="+31" />
        <source>Exempt from VAT (franchise en base)</source>
        <translation>Franchise en base de TVA (non assujetti)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subject to VAT</source>
        <translation>Assujetti à la TVA</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Automatic (French unless the system is in English)</source>
        <translation>Automatique (français, sauf système en anglais)</translation>
    </message>
    <message>
        <location line="+36" />
        <source>The language will change the next time Établi starts.</source>
        <translation>La langue changera au prochain démarrage d'Établi.</translation>
    </message>
    <message>
        <location line="+106" />
        <source>The settings were saved.</source>
        <translation>Les paramètres ont été enregistrés.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Choose the school's logo</source>
        <translation>Choisir le logo de l'école</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This file cannot be read as an image: %1</source>
        <translation>Ce fichier ne peut pas être lu comme une image : %1</translation>
    </message>
    <message>
        <location line="+30" />
        <source>(inactive)</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Reac&amp;tivate</source>
        <translation>Réac&amp;tiver</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Deac&amp;tivate</source>
        <translation>Désac&amp;tiver</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New section</source>
        <translation>Nouvelle section</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+21" />
        <source>Name of the section or workshop:</source>
        <translation>Nom de la section ou de l'atelier :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Rename the section</source>
        <translation>Renommer la section</translation>
    </message>
    <message>
        <location line="+34" />
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
    <name>etabli::WelcomeDialog</name>
    <message>
        <location filename="../../src/gui/shell/welcomedialog.cpp" line="+20" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
</TS>