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
        <location filename="../../src/core/services/demogenerator.cpp" line="+170" />
        <source>Unknown scale “%1”: choose “school” or “federation”.</source>
        <translation>Échelle inconnue « %1 » : choisissez « school » ou « federation ».</translation>
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
        <location filename="../../src/core/services/schoolservice.cpp" line="+31" />
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
        <location line="+58" />
        <location line="+17" />
        <source>The section's name is required.</source>
        <translation>Le nom de la section est obligatoire.</translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>This section has trainees (%n): deactivate it instead of deleting it.</source>
        <translation><numerusform>Cette section a des jeunes inscrits (%n jeune(s)) : désactivez-la plutôt que de la supprimer.</numerusform><numerusform>Cette section a des jeunes inscrits (%n jeune(s)) : désactivez-la plutôt que de la supprimer.</numerusform></translation>
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
</TS>