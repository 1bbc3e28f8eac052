<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckAnalyzer</name>
    <message>
        <location filename="../engine/analysis/CheckAnalyzer.cpp" line="+58"/>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the baseline (%1) receives no traffic at %2% canary weight</source>
        <translation>die baseline (%1) erhält bei %2% canary-Gewicht keinen Traffic</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the baseline (%1) got %2 requests, fewer than the %3 needed to compare</source>
        <translation>die baseline (%1) erhielt %2 Anfragen, weniger als die %3, die für einen Vergleich nötig sind</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+26"/>
        <source>the canary got too few requests to compare</source>
        <translation>der canary erhielt zu wenige Anfragen für einen Vergleich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>latency sub-samples: %1 on the canary, %2 on the baseline; %3 each are needed to compare</source>
        <translation>Latenz-Teilstichproben: %1 beim canary, %2 bei der baseline; für einen Vergleich sind je %3 nötig</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>canary got no requests in %1 s; %2 are needed to judge</source>
        <translation>canary erhielt in %1 s keine Anfragen; für eine Bewertung sind %2 nötig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>canary got %1 requests in %2 s, fewer than the %3 needed to judge</source>
        <translation>canary erhielt in %2 s %1 Anfragen, weniger als die %3, die für eine Bewertung nötig sind</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>error rate %1% above the %2% limit (%3 of %4 requests)</source>
        <translation>Fehlerquote %1% über dem Limit von %2% (%3 von %4 Anfragen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 latency</source>
        <translation>Latenz (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 latency %2 ms above the %3 ms limit</source>
        <translation>Latenz (%1) %2 ms über dem Limit von %3 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU %1% above the %2% limit</source>
        <translation>CPU %1% über dem Limit von %2%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bio-energy %1 below the threshold %2 (error %3%, %4 %5 ms, CPU %6%)</source>
        <translation>Bio-Energie %1 unter dem Schwellenwert %2 (Fehler %3%, %4 %5 ms, CPU %6%)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>error rate %1% vs %2% on the baseline (%3): significantly higher (z = %4, %5) and more than %6 points above</source>
        <translation>Fehlerquote %1% gegenüber %2% bei der baseline (%3): signifikant höher (z = %4, %5) und mehr als %6 Prozentpunkte darüber</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>median latency %1 ms vs %2 ms on the baseline (%3): significantly higher (Mann-Whitney U = %4, %5) and more than %6% above</source>
        <translation>Median der Latenz %1 ms gegenüber %2 ms bei der baseline (%3): signifikant höher (Mann-Whitney U = %4, %5) und mehr als %6% darüber</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (und %n weiterer Grund)</numerusform>
            <numerusform>%1 (und %n weitere Gründe)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>canary %1 unknown in this window; cannot judge the check</source>
        <translation>canary: %1 in diesem Fenster unbekannt; die Prüfung kann nicht bewertet werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bio-energy %1 ≥ %2</source>
        <translation>Bio-Energie %1 ≥ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error %1% vs %2%</source>
        <translation>Fehler %1% vs. %2%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error %1%</source>
        <translation>Fehler %1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 ms vs %3 ms</source>
        <translation>%1 %2 ms vs. %3 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not compared: %1</source>
        <translation>nicht verglichen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>latency not compared: %1</source>
        <translation>Latenz nicht verglichen: %1</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <location filename="../app/cli/CliArguments.cpp" line="+57"/>
        <source>Usage: optimist-cli COMMAND [options]

Commands:
  rollout VERSION     roll VERSION out step by step, judging every step
  rollback [ID]       abort a running rollout, or roll back an interrupted one
  pause [ID]          hold the running rollout at its current weight
  resume ID           continue a paused or interrupted rollout
  promote [ID]        go to the next step now (--fully: straight to 100%)
  status              unfinished rollouts and the applications&apos; colors and weights
  history             past rollouts, newest first
  show ID             the post-mortem of a rollout: timeline, checks, decision
  simulate SCENARIO   run a sandbox scenario on virtual time at full speed
  lease show [APP]    who holds the rollout lease of an application, since when
  lease break [APP]   take the lease from its holder (asks first; --yes for scripts)

Options:
  --app NAME              application (default: the environment&apos;s only one)
  --env NAME              environment profile (default: the only profile, or the sandbox)
  --sandbox SCENARIO      rollout: run against a fresh sandbox from SCENARIO
  --speed X               sandbox: virtual time runs X times real time (default 60)
  --initial-traffic P     replace the first step by P percent
  --steps LIST            comma-separated weights, e.g. 10,25,50,75,100
  --check-interval SEC    length of one check window
  --threshold N           minimum bio-energy of the canary (0-130)
  --force                 emergency: deploy, wait healthy, 100% at once
  --dry-run               read everything, write nothing, print what would be written
  --fully                 promote: jump to 100%
  --seed N, --runs N      simulate: first seed and number of runs
  --limit N               history: how many rollouts (default 20)
  --yes                   lease break: do not ask for confirmation
  --json                  one JSON object per line
  --data-dir DIR          history location (or OPTIMIST_DATA_DIR)
  --config-dir DIR        profiles location (or OPTIMIST_CONFIG_DIR)
  -h, --help, --version

Exit codes: 0 succeeded, 3 rolled back, 4 failed and needs a person, 2 bad input, 1 any other error.
</source>
        <translation>Aufruf: optimist-cli BEFEHL [Optionen]

Befehle:
  rollout VERSION     VERSION schrittweise ausrollen und jeden Schritt bewerten
  rollback [ID]       laufenden Rollout abbrechen oder unterbrochenen zurückrollen
  pause [ID]          laufenden Rollout beim aktuellen Gewicht anhalten
  resume ID           pausierten oder unterbrochenen Rollout fortsetzen
  promote [ID]        sofort zum nächsten Schritt (--fully: direkt auf 100%)
  status              offene Rollouts sowie Farben und Gewichte der Anwendungen
  history             frühere Rollouts, neueste zuerst
  show ID             Post-Mortem eines Rollouts: Zeitleiste, Prüfungen, Entscheidung
  simulate SCENARIO   Sandbox-Szenario in virtueller Zeit mit voller Geschwindigkeit ausführen
  lease show [APP]    wer die Rollout-Sperre einer Anwendung hält, seit wann
  lease break [APP]   die Sperre ihrem Halter wegnehmen (fragt vorher; --yes für Skripte)

Optionen:
  --app NAME              Anwendung (Standard: die einzige der Umgebung)
  --env NAME              Umgebungsprofil (Standard: das einzige Profil oder die Sandbox)
  --sandbox SCENARIO      rollout: gegen eine neue Sandbox aus SCENARIO ausführen
  --speed X               Sandbox: virtuelle Zeit läuft X-mal so schnell wie echte (Standard 60)
  --initial-traffic P     ersten Schritt durch P Prozent ersetzen
  --steps LIST            kommagetrennte Gewichte, z. B. 10,25,50,75,100
  --check-interval SEC    Länge eines Prüffensters
  --threshold N           minimale Bio-Energie des canary (0-130)
  --force                 Notfall: deployen, warten bis gesund, sofort 100%
  --dry-run               alles lesen, nichts schreiben, ausgeben, was geschrieben würde
  --fully                 promote: direkt auf 100%
  --seed N, --runs N      simulate: erster Seed und Anzahl der Läufe
  --limit N               history: wie viele Rollouts (Standard 20)
  --yes                   lease break: ohne Rückfrage
  --json                  ein JSON-Objekt pro Zeile
  --data-dir DIR          Ort des Verlaufs (oder OPTIMIST_DATA_DIR)
  --config-dir DIR        Ort der Profile (oder OPTIMIST_CONFIG_DIR)
  -h, --help, --version

Exit-Codes: 0 erfolgreich, 3 zurückgerollt, 4 fehlgeschlagen (ein Mensch muss eingreifen), 2 ungültige Eingabe, 1 jeder andere Fehler.
</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Run `optimist-cli --help`.</source>
        <translation>Hilfe: `optimist-cli --help`.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no command given.</source>
        <translation>kein Befehl angegeben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown command &quot;%1&quot;; run `optimist-cli --help` for the list.</source>
        <translation>unbekannter Befehl „%1“; die Liste zeigt `optimist-cli --help`.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--%1 does not apply to `%2`; run `optimist-cli --help`.</source>
        <translation>--%1 gilt nicht für `%2`; siehe `optimist-cli --help`.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>`lease` needs show or break, e.g. `optimist-cli lease show APP`.</source>
        <translation>`lease` braucht show oder break, z. B. `optimist-cli lease show APP`.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`lease %1` takes one application, got &quot;%2&quot;.</source>
        <translation>`lease %1` nimmt eine Anwendung, erhalten: &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>`lease %1`: the application is given twice (%2 and --app %3).</source>
        <translation>`lease %1`: die Anwendung ist doppelt angegeben (%2 und --app %3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--yes applies to `lease break` only.</source>
        <translation>--yes gilt nur für `lease break`.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>`%1` takes %2 argument(s), got &quot;%3&quot;.</source>
        <translation>`%1` nimmt %2 Argument(e), erhalten: „%3“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>`%1` needs %2.</source>
        <translation>`%1` braucht %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ID: &quot;%1&quot; is not a rollout number (see `optimist-cli history`).</source>
        <translation>ID: „%1“ ist keine Rollout-Nummer (siehe `optimist-cli history`).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VERSION: &quot;%1&quot; is not an image tag.</source>
        <translation>VERSION: „%1“ ist kein Image-Tag.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--app: the application name is empty.</source>
        <translation>--app: Der Anwendungsname ist leer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--env and --sandbox exclude each other: --sandbox runs a fresh sandbox environment.</source>
        <translation>--env und --sandbox schließen einander aus: --sandbox startet eine neue Sandbox-Umgebung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--initial-traffic: &quot;%1&quot; is not a whole percentage from 1 to 100.</source>
        <translation>--initial-traffic: „%1“ ist kein ganzzahliger Prozentwert von 1 bis 100.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--steps: &quot;%1&quot; is not a comma-separated list of whole percentages (e.g. 10,25,50,75,100).</source>
        <translation>--steps: „%1“ ist keine kommagetrennte Liste ganzzahliger Prozentwerte (z. B. 10,25,50,75,100).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--check-interval: &quot;%1&quot; is not a whole number of seconds from 1 to 86400.</source>
        <translation>--check-interval: „%1“ ist keine ganze Zahl von Sekunden von 1 bis 86400.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--threshold: &quot;%1&quot; is not a number from 0 to 130.</source>
        <translation>--threshold: „%1“ ist keine Zahl von 0 bis 130.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--speed: &quot;%1&quot; is not a positive factor (e.g. 60).</source>
        <translation>--speed: „%1“ ist kein positiver Faktor (z. B. 60).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation>--seed: „%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--runs: &quot;%1&quot; is not a whole number from 1 to 1000000.</source>
        <translation>--runs: „%1“ ist keine ganze Zahl von 1 bis 1000000.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--limit: &quot;%1&quot; is not a whole number from 1 to 1000000.</source>
        <translation>--limit: „%1“ ist keine ganze Zahl von 1 bis 1000000.</translation>
    </message>
</context>
<context>
    <name>CliPrinter</name>
    <message>
        <location filename="../app/cli/CliPrinter.cpp" line="+40"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DRY RUN COMPLETE</source>
        <translation>PROBELAUF ABGESCHLOSSEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUCCEEDED</source>
        <translation>ERFOLGREICH</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ROLLED BACK</source>
        <translation>ZURÜCKGEROLLT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FAILED — needs a person</source>
        <translation>FEHLGESCHLAGEN — ein Mensch muss eingreifen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UNFINISHED (%1)</source>
        <translation>NICHT ABGESCHLOSSEN (%1)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>check %1 at %2%: %3 — bio-energy %4, errors %5%, latency %6 ms, %7 req/s, CPU %8% (%9)</source>
        <translation>Prüfung %1 bei %2%: %3 — Bio-Energie %4, Fehler %5%, Latenz %6 ms, %7 Anfragen/s, CPU %8% (%9)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Rollout #%1 of %2 (%3 → %4): %5 after %6</source>
        <translation>Rollout #%1 von %2 (%3 → %4): %5 nach %6</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <location filename="../models/common/DisplayText.cpp" line="+9"/>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre-checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Migrating</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deploying</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting until healthy</source>
        <translation>Warten, bis gesund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shifting traffic</source>
        <translation>Traffic wird verlagert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Observing</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final validation</source>
        <translation>Abschlussvalidierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalizing</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling back</source>
        <translation>Wird zurückgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfinished</source>
        <translation>Nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inconclusive</source>
        <translation>Nicht eindeutig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>blue %1 % · green %2 %</source>
        <translation>Blau %1 % · Grün %2 %</translation>
    </message>
</context>
<context>
    <name>DockerEndpoint</name>
    <message>
        <location filename="../services/docker/DockerEndpoint.cpp" line="+45"/>
        <source>%1: the file does not exist</source>
        <translation>%1: Die Datei existiert nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation>%1: kein gültiges JSON bei Byte %2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: expected a JSON object</source>
        <translation>%1: JSON-Objekt erwartet</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: missing; TLS verification (%2) needs the CA certificate that signed the daemon&apos;s certificate</source>
        <translation>%1: fehlt; die TLS-Prüfung (%2) braucht das CA-Zertifikat, mit dem das Zertifikat des Daemons signiert wurde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: missing; a client certificate needs both cert.pem and key.pem in %2</source>
        <translation>%1: fehlt; ein Client-Zertifikat braucht cert.pem und key.pem in %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+244"/>
        <source>the profile&apos;s endpoint</source>
        <translation>der Endpunkt des Profils</translation>
    </message>
    <message>
        <location line="-237"/>
        <location line="+249"/>
        <source>the default endpoint</source>
        <translation>der Standard-Endpunkt</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>the profile&apos;s tlsVerify</source>
        <translation>tlsVerify des Profils</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: `%2` is not a valid context name (letters, digits and _.+- only, at least two characters)</source>
        <translation>%1: `%2` ist kein gültiger Kontextname (nur Buchstaben, Ziffern und _.+-, mindestens zwei Zeichen)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Docker context `%1` (named by %2) does not exist: no %3. Known contexts: %4</source>
        <translation>Der Docker-Kontext `%1` (genannt von %2) existiert nicht: %3 fehlt. Bekannte Kontexte: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: Endpoints.docker is missing; the context `%2` has no Docker endpoint</source>
        <translation>%1: Endpoints.docker fehlt; der Kontext `%2` hat keinen Docker-Endpunkt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: Endpoints.docker.Host is missing or not a string</source>
        <translation>%1: Endpoints.docker.Host fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: Endpoints.docker.SkipTLSVerify must be true or false</source>
        <translation>%1: Endpoints.docker.SkipTLSVerify muss true oder false sein</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>context `%1`</source>
        <translation>Kontext `%1`</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: `%2` uses the scheme %3://, which Optimist does not support; use unix:///PATH or tcp://HOST:PORT (for ssh://, forward the socket with ssh -L and use the local end)</source>
        <translation>%1: `%2` verwendet das Schema %3://, das Optimist nicht unterstützt; verwenden Sie unix:///PFAD oder tcp://HOST:PORT (für ssh:// leiten Sie den Socket mit ssh -L weiter und verwenden das lokale Ende)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: `%2` is not a valid address; expected tcp://HOST:PORT</source>
        <translation>%1: `%2` ist keine gültige Adresse; erwartet wird tcp://HOST:PORT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: `%2` has no valid port (1-65535)</source>
        <translation>%1: `%2` hat keinen gültigen Port (1–65535)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the profile names both an endpoint (%1) and a context (%2); give one</source>
        <translation>das Profil nennt sowohl einen Endpunkt (%1) als auch einen Kontext (%2); geben Sie nur eines an</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the profile&apos;s context</source>
        <translation>der Kontext des Profils</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: currentContext must be a string</source>
        <translation>%1: currentContext muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>currentContext in %1</source>
        <translation>currentContext in %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the profile&apos;s context `%1`</source>
        <translation>der Kontext `%1` des Profils</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the DOCKER_HOST variable</source>
        <translation>die Variable DOCKER_HOST</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the context `%1` named by DOCKER_CONTEXT</source>
        <translation>der von DOCKER_CONTEXT genannte Kontext `%1`</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the current context `%1` in the Docker configuration</source>
        <translation>der aktuelle Kontext `%1` in der Docker-Konfiguration</translation>
    </message>
</context>
<context>
    <name>DockerStatsCpu</name>
    <message>
        <location filename="../services/docker/DockerStatsCpu.cpp" line="+26"/>
        <location line="+17"/>
        <source>container stats: %1 is missing</source>
        <translation>Container-Statistik: %1 fehlt</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>container stats: %1 must be a non-negative number</source>
        <translation>Container-Statistik: %1 muss eine nicht negative Zahl sein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>container stats: %1 must be an object</source>
        <translation>Container-Statistik: %1 muss ein Objekt sein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>container stats: %1 is missing or not an object</source>
        <translation>Container-Statistik: %1 fehlt oder ist kein Objekt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>container stats: %1 must be a whole number of CPUs</source>
        <translation>Container-Statistik: %1 muss eine ganze Zahl von CPUs sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>container stats: %1 must be a list</source>
        <translation>Container-Statistik: %1 muss eine Liste sein</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>container stats: not valid JSON at byte %1: %2</source>
        <translation>Container-Statistik: kein gültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>container stats: expected a JSON object</source>
        <translation>Container-Statistik: JSON-Objekt erwartet</translation>
    </message>
</context>
<context>
    <name>GuiArguments</name>
    <message>
        <location filename="../app/gui/GuiArguments.cpp" line="+14"/>
        <source>Optimist: blue-green canary rollouts of Docker Swarm services routed by Traefik.</source>
        <translation>Optimist: Blue-Green-Canary-Rollouts für Docker-Swarm-Services hinter Traefik.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open on the sandbox: a simulated Swarm, Traefik and metrics with two applications. With SCENARIO (a shipped name or a file) it starts afresh from that scenario.</source>
        <translation>Mit der Sandbox öffnen: ein simulierter Swarm mit Traefik und Metriken und zwei Anwendungen. Mit SCENARIO (ein mitgelieferter Name oder eine Datei) beginnt sie neu mit diesem Szenario.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of the window: %1 (default: the system&apos;s).</source>
        <translation>Die Sprache des Fensters: %1 (Standard: die des Systems).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox: virtual seconds per real second (default 60).</source>
        <translation>Sandbox: virtuelle Sekunden pro echter Sekunde (Standard 60).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the history is kept (default: as optimist-cli).</source>
        <translation>Speicherort des Verlaufs (Standard: wie bei optimist-cli).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where environment profiles are read (default: as optimist-cli).</source>
        <translation>Ort, an dem die Umgebungsprofile gelesen werden (Standard: wie bei optimist-cli).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --sandbox: the scenario to start.</source>
        <translation>Mit --sandbox: das zu startende Szenario.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--sandbox takes one scenario, not %1</source>
        <translation>--sandbox nimmt ein Szenario, nicht %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected %1 (a scenario follows --sandbox)</source>
        <translation>unerwartet: %1 (auf --sandbox folgt ein Szenario)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--lang: &quot;%1&quot; is not offered; choose one of %2</source>
        <translation>--lang: &quot;%1&quot; wird nicht angeboten; wählen Sie eine von %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--speed: %1 is not a positive number</source>
        <translation>--speed: %1 ist keine positive Zahl</translation>
    </message>
</context>
<context>
    <name>HttpEndpointSecurity</name>
    <message>
        <location filename="../services/net/HttpEndpointSecurity.cpp" line="+34"/>
        <source>Cannot read the CA file %1 (%2) for %3: %4; set %2 to a readable PEM file</source>
        <translation>Die CA-Datei %1 (%2) für %3 kann nicht gelesen werden: %4; setzen Sie %2 auf eine lesbare PEM-Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CA file %1 (%2) for %3 holds no PEM certificate</source>
        <translation>Die CA-Datei %1 (%2) für %3 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refused to send credentials to %1 at %2 over plain HTTP, where anyone on the way can read them: use https, or, if this network is trusted, write `allowInsecureHttp: true` in the environment&apos;s profile</source>
        <translation>Zugangsdaten an %1 unter %2 über unverschlüsseltes HTTP verweigert, wo jeder unterwegs sie lesen kann: verwenden Sie https oder, wenn dieses Netz vertrauenswürdig ist, schreiben Sie `allowInsecureHttp: true` in das Profil der Umgebung</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>if it uses a private CA, set %1 in the environment&apos;s profile to that CA&apos;s PEM file</source>
        <translation>falls eine private CA verwendet wird, setzen Sie %1 im Profil der Umgebung auf deren PEM-Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>check that %1 (%2) is the CA that signed the server&apos;s certificate and that the certificate names the host</source>
        <translation>prüfen Sie, dass %1 (%2) die CA ist, die das Zertifikat des Servers signiert hat, und dass das Zertifikat den Host nennt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused %1 at %2: its TLS certificate cannot be verified (%3); %4</source>
        <translation>%1 unter %2 verweigert: sein TLS-Zertifikat kann nicht geprüft werden (%3); %4</translation>
    </message>
</context>
<context>
    <name>Lease</name>
    <message>
        <location filename="../services/lease/Lease.cpp" line="+70"/>
        <source>%1@%2 (%3, pid %4)</source>
        <translation>%1@%2 (%3, PID %4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is being rolled out by %2 since %3 UTC; the lease expires in %4 s unless renewed.</source>
        <translation>%1 wird von %2 seit %3 UTC ausgerollt; die Sperre läuft in %4 s ab, wenn sie nicht erneuert wird.</translation>
    </message>
</context>
<context>
    <name>LeaseBreakLog</name>
    <message>
        <location filename="../services/lease/LeaseBreakLog.cpp" line="+13"/>
        <source>%1 %2@%3 broke the rollout lease of %4 in %5, held by %6 since %7 UTC</source>
        <translation>%1 %2@%3 hat die Rollout-Sperre von %4 in %5 gebrochen, gehalten von %6 seit %7 UTC</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <location filename="../ui/main/MessageBox.cpp" line="+58"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PostMortemExport</name>
    <message>
        <location filename="../models/history/PostMortemExport.cpp" line="+80"/>
        <source># Rollout #%1 — %2 in %3: %4 → %5

</source>
        <translation># Rollout #%1 — %2 in %3: %4 → %5

</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>- **Outcome:** %1
</source>
        <translation>- **Ergebnis:** %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>- **Started:** %1 by %2
</source>
        <translation>- **Gestartet:** %1 von %2
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>- **Ended:** %1
</source>
        <translation>- **Beendet:** %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>- **Traffic:** the canary (%1) reached %2 %; it served %3 requests, %4 of them errors
</source>
        <translation>- **Traffic:** Der canary (%1) erreichte %2 %; er bediente %3 Anfragen, davon %4 Fehler
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>- **Plan:** %1
</source>
        <translation>- **Plan:** %1
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>- **Final decision:** %1 at %2 (%3): %4
</source>
        <translation>- **Abschließende Entscheidung:** %1 um %2 (%3): %4
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>
## Step timeline

</source>
        <translation>
## Zeitleiste der Schritte

</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <location line="+40"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
## Checks

</source>
        <translation>
## Prüfungen

</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: the rollout ended before its first check window.
</source>
        <translation>Keine: Der Rollout endete vor seinem ersten Prüffenster.
</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Canary bio</source>
        <translation>Canary Bio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canary err %</source>
        <translation>Canary Fehler %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Canary latency ms</source>
        <translation>Canary Latenz ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Canary req/s</source>
        <translation>Canary Anfr./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canary CPU %</source>
        <translation>Canary CPU %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline bio</source>
        <translation>Baseline Bio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline err %</source>
        <translation>Baseline Fehler %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline latency ms</source>
        <translation>Baseline Latenz ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline req/s</source>
        <translation>Baseline Anfr./s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>
## Decisions

</source>
        <translation>
## Entscheidungen

</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>- %1 %2 **%3**: %4%5
</source>
        <translation>- %1 %2 **%3**: %4%5
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> *(final)*</source>
        <translation> *(endgültig)*</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>None.
</source>
        <translation>Keine.
</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>
## Operator actions

</source>
        <translation>
## Bedieneraktionen

</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
## Journal

</source>
        <translation>
## Journal

</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+4"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not write %1: there is no chart image to save.</source>
        <translation>%1 konnte nicht geschrieben werden: Es gibt kein Diagrammbild zum Speichern.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not encode the charts as PNG for %1.</source>
        <translation>Die Diagramme konnten für %1 nicht als PNG kodiert werden.</translation>
    </message>
</context>
<context>
    <name>PostMortemReport</name>
    <message>
        <location filename="../app/cli/PostMortemReport.cpp" line="+21"/>
        <source>steps %1%; %2 check(s) of %3 s per step; bio-energy threshold %4; limits: errors %5%, latency %6 ms, CPU %7%; confidence %8%</source>
        <translation>Schritte %1%; %2 Prüfung(en) zu je %3 s pro Schritt; Bio-Energie-Schwelle %4; Limits: Fehler %5%, Latenz %6 ms, CPU %7%; Konfidenz %8%</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>; --force</source>
        <translation>; --force</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; --dry-run</source>
        <translation>; --dry-run</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Rollout #%1 — %2 in %3: %4 → %5</source>
        <translation>Rollout #%1 — %2 in %3: %4 → %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started %1 by %2%3</source>
        <translation>Gestartet am %1 von %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, ended after %1</source>
        <translation>, beendet nach %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic: the canary %1 reached %2%; it served %3 requests, %4 of them errors</source>
        <translation>Traffic: Der canary %1 erreichte %2%; er bediente %3 Anfragen, davon %4 Fehler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checks (canary | baseline)</source>
        <translation>Prüfungen (canary | baseline)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  none: the rollout ended before its first check window</source>
        <translation>  keine: Der Rollout endete vor seinem ersten Prüffenster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  time      step weight verdict          bio   err%%  lat ms  req/s  CPU%%  |    bio   err%%  lat ms  req/s</source>
        <translation>  Zeit      Schr. Anteil Urteil           Bio Fehl.%%  Lat ms  Anf/s  CPU%%  |    Bio Fehl.%%  Lat ms  Anf/s</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>error-rate test p=%1, latency test p=%2</source>
        <translation>Fehlerquotentest p=%1, Latenztest p=%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operator actions</source>
        <translation>Bedieneraktionen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
</context>
<context>
    <name>PostMortemText</name>
    <message>
        <location filename="../models/history/PostMortemText.cpp" line="+17"/>
        <source>Unfinished (%1)</source>
        <translation>Nicht abgeschlossen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+33"/>
        <location line="+94"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-119"/>
        <source>steps %1 %; %n check(s) of %2 s per step; bio-energy threshold %3; limits: errors %4 %, latency %5 ms, CPU %6 %</source>
        <translation>
            <numerusform>Schritte %1 %; %n Prüfung zu %2 s pro Schritt; Bio-Energie-Schwelle %3; Limits: Fehler %4 %, Latenz %5 ms, CPU %6 %</numerusform>
            <numerusform>Schritte %1 %; %n Prüfungen zu je %2 s pro Schritt; Bio-Energie-Schwelle %3; Limits: Fehler %4 %, Latenz %5 ms, CPU %6 %</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>; forced</source>
        <translation>; erzwungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; dry run</source>
        <translation>; Probelauf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step %1 · %2 %</source>
        <translation>Schritt %1 · %2 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>mean latency</source>
        <translation>mittlere Latenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2: bio-energy %3, errors %4 % (%5 of %6), %7 %8 ms, %9 req/s, CPU %10 %</source>
        <translation>%1 %2: Bio-Energie %3, Fehler %4 % (%5 von %6), %7 %8 ms, %9 Anfragen/s, CPU %10 %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>canary</source>
        <translation>canary</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baseline</source>
        <translation>baseline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error-rate test p = %1, latency test p = %2</source>
        <translation>Fehlerquotentest p = %1, Latenztest p = %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Advance</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalize</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About to write</source>
        <translation>Wird geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Would write</source>
        <translation>Würde schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>pause</source>
        <translation>den Rollout zu pausieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resume</source>
        <translation>den Rollout fortzusetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>promote to the next step</source>
        <translation>zum nächsten Schritt weiterzuschalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>promote fully</source>
        <translation>vollständig weiterzuschalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>abort</source>
        <translation>den Rollout abzubrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>requested</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 asked to %2 — %3</source>
        <translation>%1 bat darum, %2 — %3</translation>
    </message>
</context>
<context>
    <name>ProfileLoader</name>
    <message>
        <location filename="../services/profiles/ProfileLoader.cpp" line="+59"/>
        <source>a sandbox cluster needs a scenario: a shipped name (e.g. healthy) or the path of a scenario file</source>
        <translation>ein Sandbox-Cluster braucht ein Szenario: einen mitgelieferten Namen (z. B. healthy) oder den Pfad einer Szenariodatei</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <source>seconds a rollout lease lasts unless its holder renews it (default 30)</source>
        <translation>Sekunden, die eine Rollout-Sperre gilt, wenn ihr Halter sie nicht erneuert (Standard 30)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>the Docker endpoint, e.g. unix:///var/run/docker.sock or tcp://host:2376</source>
        <translation>der Docker-Endpunkt, z. B. unix:///var/run/docker.sock oder tcp://host:2376</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the name of a Docker CLI context</source>
        <translation>der Name eines Docker-CLI-Kontexts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the folder holding ca.pem, cert.pem and key.pem</source>
        <translation>der Ordner mit ca.pem, cert.pem und key.pem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whether to verify the daemon&apos;s certificate</source>
        <translation>ob das Zertifikat des Daemons geprüft wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the registry the nodes pull the application&apos;s images from, e.g. registry.example.com</source>
        <translation>die Registry, aus der die Knoten die Images der Anwendung ziehen, z. B. registry.example.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the user name at the registry</source>
        <translation>der Benutzername bei der Registry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the registry password or access token as keychain:SERVICE/ACCOUNT</source>
        <translation>das Registry-Passwort oder Zugriffstoken als keychain:SERVICE/ACCOUNT</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Traefik&apos;s API, e.g. http://127.0.0.1:8080</source>
        <translation>die API von Traefik, z. B. http://127.0.0.1:8080</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik&apos;s major version</source>
        <translation>die Hauptversion von Traefik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik entry point names, e.g. [websecure]</source>
        <translation>die Namen der Traefik-Entrypoints, z. B. [websecure]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the user of Traefik&apos;s API basic authentication</source>
        <translation>der Benutzer der Basic-Authentifizierung der Traefik-API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the password of Traefik&apos;s API as keychain:SERVICE/ACCOUNT</source>
        <translation>das Passwort der Traefik-API als keychain:SERVICE/ACCOUNT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a CA certificate (PEM) that signed Traefik&apos;s API</source>
        <translation>ein CA-Zertifikat (PEM), das das Zertifikat der Traefik-API signiert hat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the Redis server Traefik reads, as host:port</source>
        <translation>der Redis-Server, den Traefik liest, als host:port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Redis database number</source>
        <translation>die Nummer der Redis-Datenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik&apos;s root key in Redis (default traefik)</source>
        <translation>der Wurzelschlüssel von Traefik in Redis (Standard: traefik)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Redis ACL user (default: the default user)</source>
        <translation>der Redis-ACL-Benutzer (Standard: der Standardbenutzer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Redis password as keychain:SERVICE/ACCOUNT</source>
        <translation>das Redis-Passwort als keychain:SERVICE/ACCOUNT</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the folder (one APP.yaml per application) or the .yaml file Traefik&apos;s file provider watches</source>
        <translation>der Ordner (eine APP.yaml pro Anwendung) oder die .yaml-Datei, die der File-Provider von Traefik beobachtet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Traefik&apos;s metrics endpoint, e.g. http://127.0.0.1:8082/metrics</source>
        <translation>der Metrik-Endpunkt von Traefik, z. B. http://127.0.0.1:8082/metrics</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>Traefik&apos;s major version (default: the router&apos;s, else 3)</source>
        <translation>die Hauptversion von Traefik (Standard: die des Routers, sonst 3)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>how often /metrics is read, in ms (default 1000)</source>
        <translation>wie oft /metrics gelesen wird, in ms (Standard 1000)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+19"/>
        <source>a CA certificate (PEM) that signed the server&apos;s certificate, for an https URL</source>
        <translation>ein CA-Zertifikat (PEM), das das Zertifikat des Servers signiert hat, für eine https-URL</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>the Prometheus server, e.g. http://127.0.0.1:9090</source>
        <translation>der Prometheus-Server, z. B. http://127.0.0.1:9090</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a bearer token as keychain:SERVICE/ACCOUNT</source>
        <translation>ein Bearer-Token als keychain:SERVICE/ACCOUNT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seconds to wait after a window before querying: at least Prometheus&apos; scrape interval (default 2)</source>
        <translation>Sekunden, die nach einem Fenster vor der Abfrage gewartet wird: mindestens das Scrape-Intervall von Prometheus (Standard 2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the traffic the sandbox simulates for a docker cluster: a shipped scenario (default healthy) or the path of a scenario file</source>
        <translation>der Traffic, den die Sandbox für einen docker-Cluster simuliert: ein mitgeliefertes Szenario (Standard: healthy) oder der Pfad einer Szenariodatei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>every application needs a name; its services are NAME-blue and NAME-green</source>
        <translation>jede Anwendung braucht einen Namen; ihre Services heißen NAME-blue und NAME-green</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traefik&apos;s weighted service (default: the name)</source>
        <translation>der gewichtete Service in Traefik (Standard: der Name)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an HTTP probe run once Docker calls a color healthy</source>
        <translation>eine HTTP-Probe, die läuft, sobald Docker eine Farbe für gesund erklärt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sticky-session cookie (default NAME_color)</source>
        <translation>das Sticky-Session-Cookie (Standard: NAME_color)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rule of the application&apos;s Traefik router, e.g. Host(`shop.example`)</source>
        <translation>die Regel des Traefik-Routers der Anwendung, z. B. Host(`shop.example`)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the entry points of the application&apos;s router (default: the router&apos;s)</source>
        <translation>die Entrypoints des Routers der Anwendung (Standard: die des Routers)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the port of each color on the host network, e.g. {blue: 8081, green: 8082}</source>
        <translation>der Port jeder Farbe im Host-Netzwerk, z. B. {blue: 8081, green: 8082}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the environment variable the application reads its port from (default PORT)</source>
        <translation>die Umgebungsvariable, aus der die Anwendung ihren Port liest (Standard: PORT)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>secrets are never written in profiles; store it in the keychain and write `keychain:SERVICE/ACCOUNT`</source>
        <translation>Geheimnisse stehen nie in Profilen; legen Sie den Wert im Schlüsselbund ab und schreiben Sie `keychain:SERVICE/ACCOUNT`</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>invalid YAML: %1</source>
        <translation>ungültiges YAML: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>keys must be plain names</source>
        <translation>Schlüssel müssen einfache Namen sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>appears twice (first on line %1); keep one</source>
        <translation>kommt doppelt vor (zuerst in Zeile %1); nur einen behalten</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the profile is empty; it needs at least a cluster (see docs/profiles.md)</source>
        <translation>das Profil ist leer; es braucht mindestens einen Cluster (siehe docs/profiles.md)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a profile is a map of keys (%1)</source>
        <translation>ein Profil ist eine Map aus Schlüsseln (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the profile&apos;s name</source>
        <translation>der Name des Profils</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`%1` is not a valid name; use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>`%1` ist kein gültiger Name; erlaubt sind Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, am Anfang ein Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one line about the environment</source>
        <translation>eine Zeile über die Umgebung</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>must be true or false (true lets passwords and tokens go over plain http to hosts that are not this machine)</source>
        <translation>muss true oder false sein (true lässt Passwörter und Tokens über unverschlüsseltes http an Hosts gehen, die nicht dieser Rechner sind)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+146"/>
        <source>unknown key `%1`; expected one of: %2</source>
        <translation>unbekannter Schlüssel `%1`; erwartet wird einer von: %2</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>the file name gives no valid profile name; add `name:` with letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>der Dateiname ergibt keinen gültigen Profilnamen; ergänzen Sie `name:` mit Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>missing; every profile names its cluster: kind sandbox (with a scenario) or docker</source>
        <translation>fehlt; jedes Profil nennt seinen Cluster: kind sandbox (mit einem Szenario) oder docker</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>only with a docker cluster; a sandbox cluster&apos;s scenario is cluster.scenario</source>
        <translation>nur mit einem docker-Cluster; das Szenario eines Sandbox-Clusters ist cluster.scenario</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>give either endpoint or context, not both</source>
        <translation>entweder endpoint oder context angeben, nicht beides</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>missing; registry credentials need registryServer, registryUser and registryPassword together</source>
        <translation>fehlt; Registry-Zugangsdaten brauchen registryServer, registryUser und registryPassword zusammen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>missing; a %1 cluster needs a %2 of kind %3</source>
        <translation>fehlt; ein %1-Cluster braucht %2 mit kind %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>kind sandbox goes with a sandbox cluster, or with a %1 cluster when router and metrics are both sandbox; else use one of: %2</source>
        <translation>kind sandbox passt zu einem Sandbox-Cluster oder zu einem %1-Cluster, wenn router und metrics beide sandbox sind; verwenden Sie sonst einen von: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is empty; give %1</source>
        <translation>ist leer; erwartet: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be text: %1</source>
        <translation>muss Text sein: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be a map with `kind:` (one of: %1) and its settings</source>
        <translation>muss eine Map mit `kind:` (einer von: %1) und den zugehörigen Einstellungen sein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>missing; one of: %1</source>
        <translation>fehlt; einer von: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one of: %1</source>
        <translation>einer von: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown kind `%1`; one of: %2</source>
        <translation>unbekannter kind-Wert `%1`; erlaubt ist einer von: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unknown key `%1`; kind %2 takes no settings</source>
        <translation>unbekannter Schlüssel `%1`; kind %2 hat keine Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown key `%1` for kind %2; expected one of: %3</source>
        <translation>unbekannter Schlüssel `%1` für kind %2; erwartet wird einer von: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing; %1</source>
        <translation>fehlt; %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>`%1` is not an http(s) URL; give %2</source>
        <translation>`%1` ist keine http(s)-URL; erwartet: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be true or false (%1)</source>
        <translation>muss true oder false sein (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be a whole number from %1 (%2)</source>
        <translation>muss eine ganze Zahl ab %1 sein (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a whole number from %1 to %2 (%3)</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein (%3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a list: %1</source>
        <translation>muss eine Liste sein: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>`%1` is not a variable name; use letters, digits and _, not starting with a digit (%2)</source>
        <translation>`%1` ist kein Variablenname; erlaubt sind Buchstaben, Ziffern und _, nicht mit einer Ziffer am Anfang (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+169"/>
        <source>`%1` is not a keychain reference; write `keychain:SERVICE/ACCOUNT`</source>
        <translation>`%1` ist kein Schlüsselbund-Verweis; schreiben Sie `keychain:SERVICE/ACCOUNT`</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>must be a map: %1</source>
        <translation>muss eine Map sein: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown key `%1`; expected blue and green</source>
        <translation>unbekannter Schlüssel `%1`; erwartet sind blue und green</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a port number from %1 to %2</source>
        <translation>muss eine Portnummer von %1 bis %2 sein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give the ports of both colors, blue and green (%1)</source>
        <translation>geben Sie die Ports beider Farben an, blue und green (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>blue and green need different ports; both are %1</source>
        <translation>blue und green brauchen verschiedene Ports; beide sind %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be a list of applications, each starting with `- name:`</source>
        <translation>muss eine Liste von Anwendungen sein, jede beginnend mit `- name:`</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a map with at least `name:`</source>
        <translation>muss eine Map mit mindestens `name:` sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only with ports: the variable is set to each color&apos;s port</source>
        <translation>nur mit ports: Die Variable wird auf den Port der jeweiligen Farbe gesetzt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>`%1` is not a valid application name; use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>`%1` ist kein gültiger Anwendungsname; erlaubt sind Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, am Anfang ein Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>application `%1` is listed twice (first on line %2); application names must be unique</source>
        <translation>die Anwendung `%1` ist doppelt aufgeführt (zuerst in Zeile %2); Anwendungsnamen müssen eindeutig sein</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>must be a map of plan fields, e.g. steps: [10, 25, 50, 75, 100]</source>
        <translation>muss eine Map aus Plan-Feldern sein, z. B. steps: [10, 25, 50, 75, 100]</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>must be a map of NAME: keychain:SERVICE/ACCOUNT</source>
        <translation>muss eine Map aus NAME: keychain:SERVICE/ACCOUNT sein</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: no such profile</source>
        <translation>%1: Profil nicht vorhanden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the profile `%1` is also defined in %2; profile names must be unique</source>
        <translation>das Profil `%1` ist auch in %2 definiert; Profilnamen müssen eindeutig sein</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no environment profile named `%1`: the folder %2 does not exist</source>
        <translation>kein Umgebungsprofil namens `%1`: Der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: name: the profile `%2` is also defined in %3; profile names must be unique</source>
        <translation>%1: name: das Profil `%2` ist auch in %3 definiert; Profilnamen müssen eindeutig sein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no environment profile named `%1` in %2; it holds no profiles (*.yaml)</source>
        <translation>kein Umgebungsprofil namens `%1` in %2; der Ordner enthält keine Profile (*.yaml)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no environment profile named `%1` in %2; it holds: %3</source>
        <translation>kein Umgebungsprofil namens `%1` in %2; vorhanden sind: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These profiles could not be read:</source>
        <translation>Diese Profile konnten nicht gelesen werden:</translation>
    </message>
</context>
<context>
    <name>ProfileWriter</name>
    <message>
        <location filename="../services/profiles/ProfileWriter.cpp" line="+146"/>
        <source>%1: secrets are never written in profiles; store it in the keychain and give `keychain:SERVICE/ACCOUNT`</source>
        <translation>%1: Geheimnisse stehen nie in Profilen; legen Sie den Wert im Schlüsselbund ab und geben Sie `keychain:SERVICE/ACCOUNT` an</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>secrets.%1: secrets are never written in profiles; store it in the keychain and give `keychain:SERVICE/ACCOUNT`</source>
        <translation>secrets.%1: Geheimnisse stehen nie in Profilen; legen Sie den Wert im Schlüsselbund ab und geben Sie `keychain:SERVICE/ACCOUNT` an</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the profile %1 could not be written as YAML: %2</source>
        <translation>das Profil %1 konnte nicht als YAML geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: nothing was written:
%2</source>
        <translation>%1: Es wurde nichts geschrieben:
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the folder %2 cannot be created</source>
        <translation>%1: Der Ordner %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot be written: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot be written: %2; the old file is unchanged</source>
        <translation>%1: kann nicht geschrieben werden: %2; die alte Datei ist unverändert</translation>
    </message>
</context>
<context>
    <name>PrometheusApiReader</name>
    <message>
        <location filename="../services/metrics/PrometheusApiReader.cpp" line="+90"/>
        <source>Prometheus answered with malformed JSON (%1 at byte %2)</source>
        <translation>Prometheus antwortete mit fehlerhaftem JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prometheus answered with JSON that is not an API envelope object</source>
        <translation>Prometheus antwortete mit JSON, das kein API-Hüllobjekt ist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus lehnte die Abfrage ab (%1): %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no error type</source>
        <translation>kein Fehlertyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prometheus answered with status &quot;%1&quot; instead of success or error</source>
        <translation>Prometheus antwortete mit dem Status „%1“ statt success oder error</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prometheus&apos; answer has no &quot;data&quot; object</source>
        <translation>Prometheus&apos; Antwort hat kein &quot;data&quot;-Objekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prometheus&apos; %1 result is not a [time, &quot;value&quot;] pair</source>
        <translation>Prometheus&apos; %1-Ergebnis ist kein [time, &quot;value&quot;]-Paar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prometheus&apos; scalar value &quot;%1&quot; is not a number</source>
        <translation>Prometheus&apos; Skalarwert „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prometheus answered with the unknown result type &quot;%1&quot;</source>
        <translation>Prometheus antwortete mit dem unbekannten Ergebnistyp „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus&apos; %1 result is not a list</source>
        <translation>Prometheus&apos; %1-Ergebnis ist keine Liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>series %1 of Prometheus&apos; %2 result has no valid labels</source>
        <translation>die Zeitreihe %1 in Prometheus&apos; %2-Ergebnis hat keine gültigen Labels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>series %1 of Prometheus&apos; result is a native histogram, which Optimist does not read; query a classic histogram</source>
        <translation>die Zeitreihe %1 in Prometheus&apos; Ergebnis ist ein natives Histogramm, das Optimist nicht liest; fragen Sie ein klassisches Histogramm ab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>series %1 of Prometheus&apos; vector result has no valid [time, &quot;value&quot;] pair</source>
        <translation>die Zeitreihe %1 in Prometheus&apos; vector-Ergebnis hat kein gültiges [time, &quot;value&quot;]-Paar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>series %1 of Prometheus&apos; matrix result has no &quot;values&quot; list</source>
        <translation>die Zeitreihe %1 in Prometheus&apos; matrix-Ergebnis hat keine &quot;values&quot;-Liste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>point %1 of series %2 of Prometheus&apos; matrix result is not a valid [time, &quot;value&quot;] pair</source>
        <translation>der Punkt %1 der Zeitreihe %2 in Prometheus&apos; matrix-Ergebnis ist kein gültiges [time, &quot;value&quot;]-Paar</translation>
    </message>
</context>
<context>
    <name>PrometheusTextParser</name>
    <message>
        <location filename="../services/metrics/PrometheusTextParser.cpp" line="+183"/>
        <source>%1 line: %2 is not a valid metric name</source>
        <translation>%1-Zeile: %2 ist kein gültiger Metrikname</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>second HELP line for metric %1</source>
        <translation>zweite HELP-Zeile für die Metrik %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>HELP text of %1 ends in a lone backslash</source>
        <translation>der HELP-Text von %1 endet mit einem einzelnen Backslash</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid escape sequence \%1 in the HELP text of %2 (only \\ and \n are allowed)</source>
        <translation>ungültige Escape-Sequenz \%1 im HELP-Text von %2 (erlaubt sind nur \\ und \n)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown metric type %1 for %2 (expected counter, gauge, histogram, summary or untyped)</source>
        <translation>unbekannter Metriktyp %1 für %2 (erwartet: counter, gauge, histogram, summary oder untyped)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected text %1 after the type of %2</source>
        <translation>unerwarteter Text %1 nach dem Typ von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>second TYPE line for metric %1</source>
        <translation>zweite TYPE-Zeile für die Metrik %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TYPE line for %1 comes after its samples</source>
        <translation>die TYPE-Zeile für %1 steht nach ihren Messwerten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>invalid escape sequence \%1 in the value of label %2 (only \\, \&quot; and \n are allowed)</source>
        <translation>ungültige Escape-Sequenz \%1 im Wert des Labels %2 (erlaubt sind nur \\, \&quot; und \n)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the value of label %1 has no closing quote</source>
        <translation>dem Wert des Labels %1 fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+29"/>
        <source>the label set has no closing brace</source>
        <translation>der Label-Menge fehlt die schließende geschweifte Klammer</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>expected a label name at %1</source>
        <translation>Labelname erwartet bei %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected &quot;=&quot; after label name %1</source>
        <translation>&quot;=&quot; nach dem Labelnamen %1 erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the value of label %1 is not quoted</source>
        <translation>der Wert des Labels %1 steht nicht in Anführungszeichen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>label %1 appears twice</source>
        <translation>das Label %1 kommt doppelt vor</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected &quot;,&quot; or &quot;}&quot; after the value of label %1</source>
        <translation>&quot;,&quot; oder &quot;}&quot; nach dem Wert des Labels %1 erwartet</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>histogram bucket %1 has no &quot;le&quot; label</source>
        <translation>dem Histogramm-Bucket %1 fehlt das Label &quot;le&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>histogram bucket %1 has an invalid bound le=%2</source>
        <translation>das Histogramm-Bucket %1 hat eine ungültige Grenze le=%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sample %1 of histogram %1 needs a suffix _bucket, _sum or _count</source>
        <translation>der Messwert %1 des Histogramms %1 braucht eine Endung _bucket, _sum oder _count</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>summary sample %1 has no &quot;quantile&quot; label</source>
        <translation>dem Summary-Messwert %1 fehlt das Label &quot;quantile&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>summary sample %1 has an invalid quantile=%2</source>
        <translation>der Summary-Messwert %1 hat ein ungültiges quantile=%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>duplicate series %1 (the same name and labels as an earlier line)</source>
        <translation>doppelte Zeitreihe %1 (derselbe Name und dieselben Labels wie in einer früheren Zeile)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a metric name at %1</source>
        <translation>Metrikname erwartet bei %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid character %1 in metric name %2</source>
        <translation>ungültiges Zeichen %1 im Metriknamen %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sample %1 has no value</source>
        <translation>der Messwert %1 hat keinen Wert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sample %1 has an invalid value %2</source>
        <translation>der Messwert %1 hat einen ungültigen Wert %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sample %1 has an invalid timestamp %2 (expected whole milliseconds since the epoch)</source>
        <translation>der Messwert %1 hat einen ungültigen Zeitstempel %2 (erwartet: ganze Millisekunden seit der Epoche)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected text %1 after the timestamp of %2</source>
        <translation>unerwarteter Text %1 nach dem Zeitstempel von %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+3"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>the line contains a NUL byte</source>
        <translation>die Zeile enthält ein NUL-Byte</translation>
    </message>
</context>
<context>
    <name>RolloutPlan</name>
    <message>
        <location filename="../engine/plan/RolloutPlan.cpp" line="+109"/>
        <source>the plan has no steps; give at least one, ending at 100 (e.g. 10,25,50,75,100)</source>
        <translation>der Plan hat keine Schritte; mindestens einen angeben, der letzte bei 100 (z. B. 10,25,50,75,100)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>step %1 is %2%; every step must be between 1 and 100 (steps: %3)</source>
        <translation>Schritt %1 ist %2%; jeder Schritt muss zwischen 1 und 100 liegen (Schritte: %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>step %1 (%2%) is not above step %3 (%4%); steps must increase (steps: %5)</source>
        <translation>Schritt %1 (%2%) liegt nicht über Schritt %3 (%4%); die Schritte müssen ansteigen (Schritte: %5)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the last step is %1%; the plan must end at 100 (steps: %2)</source>
        <translation>der letzte Schritt ist %1%; der Plan muss bei 100 enden (Schritte: %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is %2; it must be at least %3</source>
        <translation>%1 ist %2; der Wert muss mindestens %3 sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2; it must not be negative</source>
        <translation>%1 ist %2; der Wert darf nicht negativ sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a finite number</source>
        <translation>%1 ist keine endliche Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2; it must be between %3 and %4</source>
        <translation>%1 ist %2; der Wert muss zwischen %3 und %4 liegen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>coefficient %1 is not a finite number</source>
        <translation>Koeffizient %1 ist keine endliche Zahl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the hook command has an empty argument</source>
        <translation>der Hook-Befehl hat ein leeres Argument</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 must be %2</source>
        <translatorcomment>%2 is one of the expectations of this context (&quot;a whole number&quot;, …).</translatorcomment>
        <translation>%1: erwartet wird %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>a list of whole percentages, e.g. [10, 25, 50, 75, 100]</source>
        <translation>eine Liste ganzzahliger Prozentwerte, z. B. [10, 25, 50, 75, 100]</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+26"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object of numbers</source>
        <translation>ein Objekt aus Zahlen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unknown coefficient %1</source>
        <translation>unbekannter Koeffizient %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;p95&quot; or &quot;mean&quot;</source>
        <translation>&quot;p95&quot; oder &quot;mean&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown plan field %1</source>
        <translation>unbekanntes Plan-Feld %1</translation>
    </message>
</context>
<context>
    <name>SandboxCluster</name>
    <message>
        <location filename="../services/sandbox/SandboxCluster.cpp" line="+32"/>
        <source>the sandbox has no application &quot;%1&quot;; its scenario runs &quot;%2&quot;</source>
        <translation>die Sandbox hat keine Anwendung „%1“; ihr Szenario betreibt „%2“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>service %1 does not exist</source>
        <translation>Service %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot clone %1 onto itself</source>
        <translation>%1 kann nicht auf sich selbst geklont werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no version (image tag) given for %1</source>
        <translation>keine Version (Image-Tag) für %1 angegeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>service %1 does not exist, so there is nothing to clone</source>
        <translation>Service %1 existiert nicht, es gibt also nichts zu klonen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>service %1 already exists (version %2); remove it first</source>
        <translation>Service %1 existiert bereits (Version %2); entfernen Sie ihn zuerst</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>would create service %1 as a clone of %2 with image %3: %4</source>
        <translation>würde Service %1 als Klon von %2 mit Image %3 anlegen: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>created service %1 as a clone of %2 with image %3: %4</source>
        <translation>Service %1 als Klon von %2 mit Image %3 angelegt: %4</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>service %1 was removed while waiting for it to become healthy</source>
        <translation>Service %1 wurde entfernt, während darauf gewartet wurde, dass er gesund wird</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>service %1 is not healthy after %2 s: %3</source>
        <translation>Service %1 ist nach %2 s nicht gesund: %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot scale %1 to %2 replicas</source>
        <translation>%1 kann nicht auf %2 Replikas skaliert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>would scale service %1 from %2 to %3 replicas</source>
        <translation>würde Service %1 von %2 auf %3 Replikas skalieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scaled service %1 from %2 to %3 replicas</source>
        <translation>Service %1 von %2 auf %3 Replikas skaliert</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>would remove service %1 (image %2, %3 replicas)</source>
        <translation>würde Service %1 entfernen (Image %2, %3 Replikas)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>removed service %1 (image %2, %3 replicas)</source>
        <translation>Service %1 entfernt (Image %2, %3 Replikas)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>would run job %1 once with image %2: %3</source>
        <translation>würde Job %1 einmal mit Image %2 ausführen: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>job %1 (%2) did not finish within %3 s; it was stopped</source>
        <translation>Job %1 (%2) wurde nicht innerhalb von %3 s fertig; er wurde gestoppt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>job %1 with image %2 ran %3 and exited with code %4 after %5 s</source>
        <translation>Job %1 mit Image %2 führte %3 aus und endete nach %5 s mit Code %4</translation>
    </message>
</context>
<context>
    <name>SandboxMetrics</name>
    <message>
        <location filename="../services/sandbox/SandboxMetrics.cpp" line="+23"/>
        <source>the sandbox has no metrics for &quot;%1&quot;; its scenario runs &quot;%2&quot;</source>
        <translation>die Sandbox hat keine Metriken für „%1“; ihr Szenario betreibt „%2“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the metrics window %1 – %2 is not a time span</source>
        <translation>das Metrikfenster %1 – %2 ist keine Zeitspanne</translation>
    </message>
</context>
<context>
    <name>SandboxRouter</name>
    <message>
        <location filename="../services/sandbox/SandboxRouter.cpp" line="+19"/>
        <source>Traefik in the sandbox has no weighted service &quot;%1&quot;; its scenario runs &quot;%2&quot;</source>
        <translation>Traefik in der Sandbox hat keinen gewichteten Service „%1“; ihr Szenario betreibt „%2“</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>weights %1 do not add up to 100%</source>
        <translation>die Gewichte %1 ergeben zusammen nicht 100%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>would set in Redis, in one transaction:
%1</source>
        <translation>würde in Redis in einer Transaktion setzen:
%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set in Redis, in one transaction:
%1</source>
        <translation>in Redis in einer Transaktion gesetzt:
%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Traefik serves %1 for %2, not %3, after waiting %4 s</source>
        <translation>Traefik wendet nach %4 s Wartezeit für %2 %1 an, nicht %3</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <location filename="../services/sandbox/Scenario.cpp" line="+49"/>
        <source>no scenario &quot;%1&quot;: this build has no shipped scenarios; give the path of a scenario file (*.json)</source>
        <translation>kein Szenario „%1“: Dieser Build enthält keine mitgelieferten Szenarien; geben Sie den Pfad einer Szenariodatei (*.json) an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no scenario &quot;%1&quot;; the shipped scenarios are %2, or give the path of a scenario file (*.json)</source>
        <translation>kein Szenario „%1“; mitgeliefert sind %2, oder geben Sie den Pfad einer Szenariodatei (*.json) an</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read scenario %1: %2</source>
        <translation>Szenario %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ScenarioParser</name>
    <message>
        <location filename="../services/sandbox/ScenarioParser.cpp" line="+48"/>
        <source>%1:%2:%3: invalid JSON: %4</source>
        <translation>%1:%2:%3: ungültiges JSON: %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: a scenario must be a JSON object ({ &quot;name&quot;: …, &quot;baseline&quot;: … })</source>
        <translation>%1: Ein Szenario muss ein JSON-Objekt sein ({ &quot;name&quot;: …, &quot;baseline&quot;: … })</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>expect must be &quot;succeeded&quot;, &quot;rolled_back&quot; or &quot;failed&quot;, not %1</source>
        <translation>expect muss &quot;succeeded&quot;, &quot;rolled_back&quot; oder &quot;failed&quot; sein, gefunden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>app must be a Swarm service name (lower-case letters, digits and &apos;-&apos;, at most 57 characters), not %1</source>
        <translation>app muss ein Swarm-Servicename sein (Kleinbuchstaben, Ziffern und &apos;-&apos;, höchstens 57 Zeichen), gefunden: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>baseline is required: { &quot;latencyMs&quot;: …, &quot;errorRate&quot;: …, &quot;cpu&quot;: …, &quot;rps&quot;: … }</source>
        <translation>baseline ist erforderlich: { &quot;latencyMs&quot;: …, &quot;errorRate&quot;: …, &quot;cpu&quot;: …, &quot;rps&quot;: … }</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>changes must be a list of changes, e.g. [ { &quot;atSec&quot;: 300, &quot;canary&quot;: { &quot;latencyMs&quot;: 220 } } ], not %1</source>
        <translation>changes muss eine Liste von Änderungen sein, z. B. [ { &quot;atSec&quot;: 300, &quot;canary&quot;: { &quot;latencyMs&quot;: 220 } } ], gefunden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+118"/>
        <source>%1 must be an object, not %2</source>
        <translation>%1 muss ein Objekt sein, gefunden: %2</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>%1 has both atSec and atWeight; give one of them</source>
        <translation>%1 hat sowohl atSec als auch atWeight; nur eines davon angeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 needs atSec (seconds since the start) or atWeight (canary weight in percent) to say when it happens</source>
        <translation>%1 braucht atSec (Sekunden seit dem Start) oder atWeight (canary-Gewicht in Prozent), um festzulegen, wann die Änderung eintritt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 changes nothing; give baseline or canary values</source>
        <translation>%1 ändert nichts; Werte für baseline oder canary angeben</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is empty; give latencyMs, errorRate or cpu</source>
        <translation>%1 ist leer; latencyMs, errorRate oder cpu angeben</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>unknown field %1 (known here: %2)</source>
        <translation>unbekanntes Feld %1 (hier bekannt: %2)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is required</source>
        <translation>%1 ist erforderlich</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be a non-negative number</source>
        <translation>%1 muss eine nicht negative Zahl sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be a positive number</source>
        <translation>%1 muss eine positive Zahl sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be a percentage between 0 and 100</source>
        <translation>%1 muss ein Prozentwert zwischen 0 und 100 sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be a relative standard deviation between 0 and %2 (0.1 is 10%)</source>
        <translation>%1 muss eine relative Standardabweichung zwischen 0 und %2 sein (0.1 entspricht 10%)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, not %2</source>
        <translation>%1, gefunden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 must be a whole number between %2 and %3, not %4</source>
        <translation>%1 muss eine ganze Zahl zwischen %2 und %3 sein, gefunden: %4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 must be a string, not %2</source>
        <translation>%1 muss eine Zeichenkette sein, gefunden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a non-empty string, not %2</source>
        <translation>%1 muss eine nicht leere Zeichenkette sein, gefunden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 must be true or false, not %2</source>
        <translation>%1 muss true oder false sein, gefunden: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>ServiceSpecClone</name>
    <message>
        <location filename="../services/docker/ServiceSpecClone.cpp" line="+21"/>
        <source>the active service has no %1</source>
        <translation>dem aktiven Dienst fehlt %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the active service&apos;s %1 must be %2</source>
        <translation>%1 des aktiven Dienstes muss %2 sein</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>the active service&apos;s inspect answer is not valid JSON at byte %1: %2</source>
        <translation>die Inspect-Antwort des aktiven Dienstes ist kein gültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the active service&apos;s inspect answer is not a JSON object</source>
        <translation>die Inspect-Antwort des aktiven Dienstes ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot clone a service without the application&apos;s name</source>
        <translation>ohne den Namen der Anwendung kann kein Dienst geklont werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`%1` is not a valid image tag (letters, digits, _ . -; at most 128, not starting with . or -)</source>
        <translation>`%1` ist kein gültiger Image-Tag (Buchstaben, Ziffern, _ . -; höchstens 128, nicht mit . oder - am Anfang)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>port %1 is not between 1 and 65535</source>
        <translation>Port %1 liegt nicht zwischen 1 und 65535</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a per-color port needs the name of the application&apos;s port variable</source>
        <translation>ein Port je Farbe braucht den Namen der Port-Variablen der Anwendung</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+24"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the active service is already called %1; clone it into the other color</source>
        <translation>der aktive Dienst heißt bereits %1; klonen Sie ihn in die andere Farbe</translation>
    </message>
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="+89"/>
        <source>simulation %1 stopped in %2 with nothing left to do</source>
        <translation>Simulation %1 blieb in %2 stehen, ohne dass noch etwas zu tun war</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1: %2 runs — %3 succeeded, %4 rolled back, %5 failed; median canary errors %6; %7 rollouts/s</source>
        <translation>%1: %2 Läufe — %3 erfolgreich, %4 zurückgerollt, %5 fehlgeschlagen; Median der canary-Fehler %6; %7 Rollouts/s</translation>
    </message>
</context>
<context>
    <name>SqliteHistoryStore</name>
    <message>
        <location filename="../services/store/SqliteHistoryStore.cpp" line="+343"/>
        <source>rollout %1 has unknown colors %2/%3</source>
        <translation>Rollout %1 hat unbekannte Farben %2/%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rollout %1 has an unknown state %2</source>
        <translation>Rollout %1 hat einen unbekannten Zustand %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rollout %1 has an unreadable plan</source>
        <translation>Rollout %1 hat einen unlesbaren Plan</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>unknown outcome “%1”; use succeeded, rolled_back, failed or unfinished</source>
        <translation>unbekanntes Ergebnis „%1“; erlaubt sind succeeded, rolled_back, failed oder unfinished</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Could not open the history database %1 at schema version %2: this version of Optimist knows versions 1 to %3.</source>
        <translation>Die Verlaufsdatenbank %1 konnte nicht mit Schemaversion %2 geöffnet werden: Diese Version von Optimist kennt die Versionen 1 bis %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open the history database: no file name was given.</source>
        <translation>Die Verlaufsdatenbank konnte nicht geöffnet werden: Es wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not create the folder %1 for the history database.</source>
        <translation>Der Ordner %1 für die Verlaufsdatenbank konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not open the history database %1: Qt&apos;s SQLite driver (QSQLITE) is not installed.</source>
        <translation>Die Verlaufsdatenbank %1 konnte nicht geöffnet werden: Der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open the database</source>
        <translation>die Datenbank zu öffnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+24"/>
        <source>configure the connection</source>
        <translation>die Verbindung zu konfigurieren</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The history database %1 has schema version %2, newer than this version of Optimist understands (%3). It was left unchanged; open it with a newer Optimist.</source>
        <translation>Die Verlaufsdatenbank %1 hat die Schemaversion %2, die neuer ist, als diese Version von Optimist versteht (%3). Sie wurde nicht verändert; öffnen Sie sie mit einem neueren Optimist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>switch to the WAL journal</source>
        <translation>auf das WAL-Journal umzustellen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>read the schema version</source>
        <translation>die Schemaversion zu lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>migrate the database to schema version %1</source>
        <translation>die Datenbank auf Schemaversion %1 zu migrieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The history database %1 was just migrated to schema version %2 by a newer Optimist.</source>
        <translation>Die Verlaufsdatenbank %1 wurde soeben von einem neueren Optimist auf Schemaversion %2 migriert.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not %1 in the history database %2: %3</source>
        <translatorcomment>%1 is one of the operation texts of this context (&quot;open the database&quot;, …), translated as zu-infinitives.</translatorcomment>
        <translation>In der Verlaufsdatenbank %2 war es nicht möglich, %1: %3</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>roll back a transaction</source>
        <translation>eine Transaktion zurückzusetzen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>record the new rollout of %1</source>
        <translation>den neuen Rollout von %1 zu speichern</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>update rollout %1</source>
        <translation>Rollout %1 zu aktualisieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+130"/>
        <source>Could not %1: the history has no rollout %2.</source>
        <translation>Es war nicht möglich, %1: Der Verlauf enthält keinen Rollout %2.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>journal a %1 event of rollout %2</source>
        <translation>ein %1-Ereignis von Rollout %2 ins Journal zu schreiben</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>record check %1 of step %2 of rollout %3</source>
        <translation>Prüfung %1 von Schritt %2 des Rollouts %3 zu speichern</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>record the %1 request for rollout %2</source>
        <translation>die %1-Anfrage für Rollout %2 zu speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>mark operator action %1 %2</source>
        <translation>Bedieneraktion %1 als %2 zu markieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not %1: the history has no operator action %2.</source>
        <translation>Es war nicht möglich, %1: Der Verlauf enthält keine Bedieneraktion %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not %1 in the history database %2: %3.</source>
        <translation>In der Verlaufsdatenbank %2 war es nicht möglich, %1: %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>read rollout %1</source>
        <translation>Rollout %1 zu lesen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not list the history: %1</source>
        <translation>Der Verlauf konnte nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>list the history</source>
        <translation>den Verlauf aufzulisten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not count the history: %1</source>
        <translation>Der Verlauf konnte nicht gezählt werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count the history</source>
        <translation>den Verlauf zu zählen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>list the applications in the history</source>
        <translation>die Anwendungen im Verlauf aufzulisten</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>list the unfinished rollouts</source>
        <translation>die offenen Rollouts aufzulisten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>read the journal of rollout %1</source>
        <translation>das Journal von Rollout %1 zu lesen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>read the checks of rollout %1</source>
        <translation>die Prüfungen von Rollout %1 zu lesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not %1 in the history database %2: check %3 is unreadable.</source>
        <translation>In der Verlaufsdatenbank %2 war es nicht möglich, %1: Prüfung %3 ist unlesbar.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>read the samples of rollout %1</source>
        <translation>die Messwerte von Rollout %1 zu lesen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>read the operator actions of rollout %1</source>
        <translation>die Bedieneraktionen von Rollout %1 zu lesen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not %1 in the history database %2: action %3 has an unknown kind %4.</source>
        <translation>In der Verlaufsdatenbank %2 war es nicht möglich, %1: Aktion %3 hat eine unbekannte Art %4.</translation>
    </message>
</context>
<context>
    <name>SwarmServiceState</name>
    <message>
        <location filename="../services/docker/SwarmServiceState.cpp" line="+54"/>
        <source>the daemon&apos;s task list is not a JSON list</source>
        <translation>die Task-Liste des Daemons ist keine JSON-Liste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an item of the daemon&apos;s task list is not an object</source>
        <translation>ein Eintrag der Task-Liste des Daemons ist kein Objekt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a task in the daemon&apos;s task list has no ID or Status.State</source>
        <translation>ein Task in der Task-Liste des Daemons hat keine ID oder kein Status.State</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>scaled to 0 replicas</source>
        <translation>auf 0 Replikas skaliert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 tasks running</source>
        <translation>%1 von %2 Tasks laufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>health check failing in %1</source>
        <translation>Healthcheck schlägt fehl in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>health check not passing yet in %1</source>
        <translation>Healthcheck noch nicht bestanden in %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>last error: task %1 %2: %3</source>
        <translation>letzter Fehler: Task %1 %2: %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>task %1 was rejected: %2</source>
        <translation>Task %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 tasks of %2 ended (crash loop); the last, %3: %4</source>
        <translation>%1 Tasks von %2 wurden beendet (Crash-Schleife); der letzte, %3: %4</translation>
    </message>
</context>
<context>
    <name>TraefikApiParser</name>
    <message>
        <location filename="../services/traefik/TraefikApiParser.cpp" line="+27"/>
        <source>Traefik&apos;s answer from %1 is empty; is that address Traefik&apos;s API?</source>
        <translation>Traefiks Antwort von %1 ist leer; ist diese Adresse die API von Traefik?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traefik&apos;s answer from %1 is not valid JSON (%2 at byte %3); is that address Traefik&apos;s API?</source>
        <translation>Traefiks Antwort von %1 ist kein gültiges JSON (%2 bei Byte %3); ist diese Adresse die API von Traefik?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Traefik&apos;s answer from %1 has no &quot;Version&quot;; is that address Traefik&apos;s API?</source>
        <translation>Traefiks Antwort von %1 enthält kein &quot;Version&quot;; ist diese Adresse die API von Traefik?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a service</source>
        <translation>ein Service</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In Traefik&apos;s answer from %1, &quot;%2&quot; of %3 is not an object</source>
        <translation>In Traefiks Antwort von %1 ist &quot;%2&quot; von %3 kein Objekt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Traefik&apos;s answer from %1 is not a service (no status, no loadBalancer, weighted, mirroring or failover)</source>
        <translation>Traefiks Antwort von %1 ist kein Service (kein status, kein loadBalancer, weighted, mirroring oder failover)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In Traefik&apos;s answer from %1, the status of %2 is not text</source>
        <translation>In Traefiks Antwort von %1 ist der status von %2 kein Text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>In Traefik&apos;s answer from %1, weighted.services of %2 is not a list</source>
        <translation>In Traefiks Antwort von %1 ist weighted.services von %2 keine Liste</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In Traefik&apos;s answer from %1, a child of %2 has no name</source>
        <translation>In Traefiks Antwort von %1 hat ein Kind-Service von %2 keinen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In Traefik&apos;s answer from %1, the weight of %2 in %3 is not a whole number</source>
        <translation>In Traefiks Antwort von %1 ist das Gewicht von %2 in %3 keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>In Traefik&apos;s answer from %1, serverStatus of %2 is not an object</source>
        <translation>In Traefiks Antwort von %1 ist serverStatus von %2 kein Objekt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In Traefik&apos;s answer from %1, the status of server %2 of %3 is not text</source>
        <translation>In Traefiks Antwort von %1 ist der Status von Server %2 von %3 kein Text</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Traefik&apos;s answer from %1 is not a service (a JSON object)</source>
        <translation>Traefiks Antwort von %1 ist kein Service (ein JSON-Objekt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Traefik&apos;s answer from %1 is not a list of services</source>
        <translation>Traefiks Antwort von %1 ist keine Liste von Services</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Traefik&apos;s answer from %1 lists something that is not a service</source>
        <translation>Traefiks Antwort von %1 enthält etwas, das kein Service ist</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Traefik&apos;s answer from %1 has no &quot;services&quot; map</source>
        <translation>Traefiks Antwort von %1 hat keine &quot;services&quot;-Map</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In Traefik&apos;s answer from %1, service %2 is not an object</source>
        <translation>In Traefiks Antwort von %1 ist Service %2 kein Objekt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Traefik&apos;s answer from %1 is not a router (no rule and service)</source>
        <translation>Traefiks Antwort von %1 ist kein Router (kein rule und service)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Traefik&apos;s answer from %1 is not a list of routers</source>
        <translation>Traefiks Antwort von %1 ist keine Liste von Routern</translation>
    </message>
</context>
<context>
    <name>TraefikRouterProfile</name>
    <message>
        <location filename="../services/traefik/TraefikRouterProfile.cpp" line="+21"/>
        <source>%1: router.address is missing; give the Redis Traefik reads as host:port</source>
        <translation>%1: router.address fehlt; geben Sie den Redis, den Traefik liest, als host:port an</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: router.path is missing; give the directory or file Traefik&apos;s file provider watches</source>
        <translation>%1: router.path fehlt; geben Sie das Verzeichnis oder die Datei an, die der File-Provider von Traefik überwacht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: router kind `%2` is not Traefik</source>
        <translation>%1: Der Router-kind `%2` ist nicht Traefik</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: router.apiUrl is missing; give Traefik&apos;s API, e.g. http://127.0.0.1:8080</source>
        <translation>%1: router.apiUrl fehlt; geben Sie die API von Traefik an, z. B. http://127.0.0.1:8080</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: router.traefikVersion must be 2 or 3</source>
        <translation>%1: router.traefikVersion muss 2 oder 3 sein</translation>
    </message>
</context>
<context>
    <name>TraefikScrapeWindow</name>
    <message>
        <location filename="../services/metrics/TraefikScrapeWindow.cpp" line="+186"/>
        <source>a metrics window needs at least two scrapes of Traefik&apos;s /metrics, got %1</source>
        <translation>ein Metrikfenster braucht mindestens zwei Abrufe von Traefiks /metrics, erhalten: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>scrape %1 of the metrics window has no time</source>
        <translation>Abruf %1 des Metrikfensters hat keinen Zeitpunkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scrape %1 of the metrics window is not later than scrape %2</source>
        <translation>Abruf %1 des Metrikfensters ist nicht später als Abruf %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: no p95, the latency histogram saw no requests in the window</source>
        <translation>%1: kein p95, das Latenz-Histogramm hat im Fenster keine Anfragen gesehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: p95 is above the largest finite bucket bound, %2 ms (only a lower bound)</source>
        <translation>%1: p95 liegt über der größten endlichen Bucket-Grenze, %2 ms (nur eine Untergrenze)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: p95 %2 ms, interpolated within the histogram bucket %3–%4 ms</source>
        <translation>%1: p95 %2 ms, interpoliert innerhalb des Histogramm-Buckets %3–%4 ms</translation>
    </message>
</context>
<context>
    <name>TraefikWeights</name>
    <message>
        <location filename="../services/traefik/TraefikWeights.cpp" line="+19"/>
        <source>%1 lists the child &quot;%2&quot;, which is neither %3 nor %4; the weighted service of %5 was changed by someone else</source>
        <translation>%1 führt den Kind-Service „%2“, der weder %3 noch %4 ist; der gewichtete Service von %5 wurde von jemand anderem geändert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 lists %2 twice</source>
        <translation>%1 führt %2 doppelt auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 gives %2 the negative weight %3</source>
        <translation>%1 gibt %2 das negative Gewicht %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 gives no color of %2 a positive weight, so Traefik has no server for it</source>
        <translation>%1 gibt keiner Farbe von %2 ein positives Gewicht, daher hat Traefik keinen Server dafür</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected %1</source>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, Traefik does not know the service %2</source>
        <translation>%1, Traefik kennt den Service %2 nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, Traefik shows %2 as a %3 service, not weighted</source>
        <translation>%1, Traefik zeigt %2 als %3-Service, nicht als weighted</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, Traefik shows %2 disabled: %3</source>
        <translation>%1, Traefik zeigt %2 als deaktiviert: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Traefik&apos;s service %1</source>
        <translation>Traefiks Service %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, Traefik shows %2</source>
        <translation>%1, Traefik zeigt %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, but Traefik has no service %2: the child is missing (is the Swarm service running with its Traefik labels?)</source>
        <translation>%1, aber Traefik hat keinen Service %2: Der Kind-Service fehlt (läuft der Swarm-Service mit seinen Traefik-Labels?)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, but Traefik shows no server of %2 UP</source>
        <translation>%1, aber Traefik zeigt keinen Server von %2 als UP</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/cli/main.cpp" line="+38"/>
        <source>optimist-cli: %1</source>
        <translation>optimist-cli: %1</translation>
    </message>
</context>
<context>
    <name>optimist::ApplicationListModel</name>
    <message>
        <location filename="../models/settings/ApplicationListModel.cpp" line="+68"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Router rule</source>
        <translation>Router-Regel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blue port</source>
        <translation>Port Blau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Green port</source>
        <translation>Port Grün</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health URL</source>
        <translation>Health-URL</translation>
    </message>
</context>
<context>
    <name>optimist::CliApp</name>
    <message>
        <location filename="../app/cli/CliApp.cpp" line="+69"/>
        <source>unknown command %1</source>
        <translation>unbekannter Befehl %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>optimist-cli: %1</source>
        <translation>optimist-cli: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 (%2 of environment %3)</source>
        <translation>%1 (%2 der Umgebung %3)</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+360"/>
        <source>ID: there is no rollout #%1 (see `optimist-cli history`)</source>
        <translation>ID: Es gibt keinen Rollout #%1 (siehe `optimist-cli history`)</translation>
    </message>
    <message>
        <location line="-344"/>
        <source>no rollout is unfinished, so there is nothing to %1</source>
        <translation>kein Rollout ist offen, für %1 gibt es also nichts zu tun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rollout of %1 is unfinished, so there is nothing to %2</source>
        <translation>kein Rollout von %1 ist offen, für %2 gibt es also nichts zu tun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>several rollouts are unfinished: %1; name one by its ID or --app</source>
        <translation>mehrere Rollouts sind offen: %1; wählen Sie einen über seine ID oder --app</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>rollout #%1 already ended: %2 (%3)</source>
        <translation>Rollout #%1 ist bereits beendet: %2 (%3)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rollout #%1 runs in another process; asked it to %2.</source>
        <translation>Rollout #%1 läuft in einem anderen Prozess; dieser wurde aufgefordert, %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>roll back</source>
        <translatorcomment>Fills %2 of &quot;Rollout #%1 runs in another process; asked it to %2.&quot;: a zu-infinitive.</translatorcomment>
        <translation>den Rollout zurückzurollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resume</source>
        <translatorcomment>Fills %2 of &quot;Rollout #%1 runs in another process; asked it to %2.&quot;: a zu-infinitive.</translatorcomment>
        <translation>den Rollout fortzusetzen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1, and no earlier version of %2 is still kept warm (a rollout keeps the old color for its rollbackWindowSec)</source>
        <translation>%1, und keine frühere Version von %2 wird noch warm gehalten (ein Rollout hält die alte Farbe für seine rollbackWindowSec bereit)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rolling %1 back to %2: %3 is kept warm until %4</source>
        <translation>%1 wird auf %2 zurückgerollt: %3 wird bis %4 warm gehalten</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>the process running rollout #%1 stopped before it ended; roll it back with `optimist-cli rollback %1`</source>
        <translation>der Prozess, der Rollout #%1 ausführte, endete vor dem Rollout; rollen Sie ihn mit `optimist-cli rollback %1` zurück</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>rollout #%1 already ended: %2</source>
        <translation>Rollout #%1 ist bereits beendet: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rollout #%1 is not running in any process; continue it with `optimist-cli resume %1` or roll it back with `optimist-cli rollback %1`</source>
        <translation>Rollout #%1 läuft in keinem Prozess; setzen Sie ihn mit `optimist-cli resume %1` fort oder rollen Sie ihn mit `optimist-cli rollback %1` zurück</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 applied to rollout #%2</source>
        <translation>%1 auf Rollout #%2 angewendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 rejected: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rollout #%1 did not answer the %2 request within 15 s</source>
        <translation>Rollout #%1 hat auf die %2-Anfrage nicht innerhalb von 15 s geantwortet</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Rollout #%1 of %2 (%3 → %4) by %5: %6 at %7%, %8</source>
        <translation>Rollout #%1 von %2 (%3 → %4), gestartet von %5: %6 bei %7%, %8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted — `optimist-cli resume %1` or `optimist-cli rollback %1`</source>
        <translation>unterbrochen — `optimist-cli resume %1` oder `optimist-cli rollback %1`</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No rollout is unfinished.</source>
        <translation>Kein Rollout ist offen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 %2: %3, %4/%5 tasks %6, weight %7%</source>
        <translation>%1 %2: %3, %4/%5 Tasks %6, Gewicht %7%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not healthy</source>
        <translation>nicht gesund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2-%3: absent, weight %4%</source>
        <translation>%1 %2-%3: nicht vorhanden, Gewicht %4%</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No rollouts yet. Start one with `optimist-cli rollout VERSION`.</source>
        <translation>Noch keine Rollouts. Starten Sie einen mit `optimist-cli rollout VERSION`.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>environment %1 has no place for rollout leases</source>
        <translation>Umgebung %1 hat keinen Ort für Rollout-Sperren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nobody holds the rollout lease of %1 in %2 (%3).</source>
        <translation>Niemand hält die Rollout-Sperre von %1 in %2 (%3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody holds the rollout lease of %1 in %2; there is nothing to break.</source>
        <translation>Niemand hält die Rollout-Sperre von %1 in %2; es gibt nichts zu brechen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>lease break: there is no terminal to confirm on; pass --yes to break the lease of %1 without asking</source>
        <translation>lease break: es gibt kein Terminal zum Bestätigen; geben Sie --yes an, um die Sperre von %1 ohne Rückfrage zu brechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Break it? %1&apos;s process stops advancing at its next renewal and leaves its rollout unfinished. [y/N] </source>
        <translation>Brechen? Der Prozess von %1 hört bei seiner nächsten Erneuerung auf fortzuschreiten und lässt seinen Rollout unvollendet. [j/N] </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>y</source>
        <translation>j</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lease was left as it is.</source>
        <translation>Die Sperre blieb, wie sie ist.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the lease of %1 changed meanwhile (released, or taken by someone else); see `optimist-cli lease show %1`</source>
        <translation>die Sperre von %1 hat sich inzwischen geändert (freigegeben oder von jemand anderem genommen); siehe `optimist-cli lease show %1`</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Broke the lease of %1 held by %2. Its process stops advancing at its next renewal (within %3 s).</source>
        <translation>Sperre von %1, gehalten von %2, gebrochen. Sein Prozess hört bei seiner nächsten Erneuerung auf fortzuschreiten (innerhalb von %3 s).</translation>
    </message>
</context>
<context>
    <name>optimist::DecisionLogModel</name>
    <message>
        <location filename="../models/history/DecisionLogModel.cpp" line="+126"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Check %1</source>
        <translation>Prüfung %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rollout #%1 of %2 in %3, %4 → %5, started by %6. Plan: %7</source>
        <translation>Rollout #%1 von %2 in %3, %4 → %5, gestartet von %6. Plan: %7</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>?</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>optimist::DockerClient</name>
    <message>
        <location filename="../services/docker/DockerClient.cpp" line="+232"/>
        <source>libcurl could not create a transfer</source>
        <translation>libcurl konnte keinen Transfer anlegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not start %1 to the Docker daemon at %2: %3.</source>
        <translation>%1 an den Docker-Daemon unter %2 konnte nicht gestartet werden: %3.</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>The Docker daemon at %1 sent nothing on %2 for %3 ms.</source>
        <translation>Der Docker-Daemon unter %1 hat %3 ms lang nichts auf %2 gesendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Docker daemon at %1 did not answer %2 within %3 ms. Check that it is responsive, or allow more time.</source>
        <translation>Der Docker-Daemon unter %1 hat %2 nicht innerhalb von %3 ms beantwortet. Prüfen Sie, ob er reagiert, oder lassen Sie mehr Zeit.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The TLS connection to the Docker daemon at %1 (from %2) failed: %3. Files used: CA %4, client certificate %5, client key %6. Check that the daemon&apos;s CA issued the client certificate, that the CA file is the one that issued the daemon&apos;s certificate, and that the files are readable.</source>
        <translation>Die TLS-Verbindung zum Docker-Daemon unter %1 (Quelle: %2) ist fehlgeschlagen: %3. Verwendete Dateien: CA %4, Client-Zertifikat %5, Client-Schlüssel %6. Prüfen Sie, ob die CA des Daemons das Client-Zertifikat ausgestellt hat, ob die CA-Datei diejenige ist, die das Zertifikat des Daemons ausgestellt hat, und ob die Dateien lesbar sind.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot reach the Docker daemon at %1 (from %2): the socket does not exist. Start dockerd, or choose another endpoint.</source>
        <translation>Der Docker-Daemon unter %1 (Quelle: %2) ist nicht erreichbar: Der Socket existiert nicht. Starten Sie dockerd oder wählen Sie einen anderen Endpunkt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot reach the Docker daemon at %1 (from %2): permission denied. Ask for access to it (on Linux, membership of the docker group).</source>
        <translation>Der Docker-Daemon unter %1 (Quelle: %2) ist nicht erreichbar: Zugriff verweigert. Bitten Sie um Zugriff darauf (unter Linux: Mitgliedschaft in der Gruppe docker).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot reach the Docker daemon at %1 (from %2): %3. Check that dockerd is running and listening there.</source>
        <translation>Der Docker-Daemon unter %1 (Quelle: %2) ist nicht erreichbar: %3. Prüfen Sie, ob dockerd läuft und dort lauscht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to the Docker daemon at %1 (from %2) failed during %3: %4.</source>
        <translation>Die Verbindung zum Docker-Daemon unter %1 (Quelle: %2) ist während %3 fehlgeschlagen: %4.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Docker daemon at %1 answered %2 with HTTP %3: %4</source>
        <translation>Der Docker-Daemon unter %1 beantwortete %2 mit HTTP %3: %4</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The Docker daemon at %1 did not say which API version it speaks (GET /version gave ApiVersion &quot;%2&quot;).</source>
        <translation>Der Docker-Daemon unter %1 hat nicht mitgeteilt, welche API-Version er spricht (GET /version lieferte ApiVersion „%2“).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Docker daemon at %1 needs API version %2 or newer; Optimist speaks up to %3. Use an older daemon or a newer Optimist.</source>
        <translation>Der Docker-Daemon unter %1 braucht API-Version %2 oder neuer; Optimist spricht bis %3. Verwenden Sie einen älteren Daemon oder einen neueren Optimist.</translation>
    </message>
</context>
<context>
    <name>optimist::DockerCluster</name>
    <message>
        <location filename="../services/docker/DockerCluster.cpp" line="+238"/>
        <location line="+342"/>
        <location line="+67"/>
        <location line="+297"/>
        <source>service %1 does not exist on %2</source>
        <translation>Service %1 existiert nicht auf %2</translation>
    </message>
    <message>
        <location line="-705"/>
        <location line="+184"/>
        <location line="+13"/>
        <location line="+145"/>
        <location line="+67"/>
        <location line="+189"/>
        <source>cannot inspect service %1</source>
        <translation>Service %1 kann nicht abgefragt werden (inspect)</translation>
    </message>
    <message>
        <location line="-585"/>
        <location line="+693"/>
        <source>cannot list the tasks of %1</source>
        <translation>die Tasks von %1 können nicht aufgelistet werden</translation>
    </message>
    <message>
        <location line="-642"/>
        <source>cannot clone %1 onto itself</source>
        <translation>%1 kann nicht auf sich selbst geklont werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>`%1` is not a valid image tag for %2 (letters, digits, _ . -; at most 128, not starting with . or -)</source>
        <translation>`%1` ist kein gültiger Image-Tag für %2 (Buchstaben, Ziffern, _ . -; höchstens 128, nicht mit . oder - am Anfang)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source> with the registry credentials (X-Registry-Auth)</source>
        <translation> mit den Registry-Zugangsdaten (X-Registry-Auth)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>would create service %1 as a clone of %2 with image %3: POST /services/create%4 %5</source>
        <translation>würde Service %1 als Klon von %2 mit Image %3 anlegen: POST /services/create%4 %5</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot create service %1 on %2</source>
        <translation>Service %1 kann auf %2 nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(Docker warns: %1)</source>
        <translation>(Docker warnt: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>created service %1 (%2) as a clone of %3 with image %4: POST /services/create%5 %6%7</source>
        <translation>Service %1 (%2) als Klon von %3 mit Image %4 angelegt: POST /services/create%5 %6%7</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>service %1 already exists on %2; remove it first</source>
        <translation>Service %1 existiert bereits auf %2; entfernen Sie ihn zuerst</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot clone %1 into %2</source>
        <translation>%1 kann nicht nach %2 geklont werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>image %1 is not on the Docker node %2, so %3 was not created: build or pull that version there first (is the tag right?)</source>
        <translation>Image %1 ist nicht auf dem Docker-Node %2, daher wurde %3 nicht angelegt: Bauen oder pullen Sie diese Version zuerst dort (stimmt der Tag?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+422"/>
        <source>cannot look up image %1</source>
        <translation>Image %1 kann nicht nachgeschlagen werden</translation>
    </message>
    <message>
        <location line="-403"/>
        <source>service %1 does not exist on %2, so there is nothing to clone</source>
        <translation>Service %1 existiert nicht auf %2, es gibt also nichts zu klonen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>service %1 was removed (or never created) while waiting for it to become healthy</source>
        <translation>Service %1 wurde entfernt (oder nie angelegt), während darauf gewartet wurde, dass er gesund wird</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>service %1 could not be checked within %2 s: %3</source>
        <translation>Service %1 konnte nicht innerhalb von %2 s geprüft werden: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting for %1 to become healthy</source>
        <translation>beim Warten darauf, dass %1 gesund wird</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>service %1 is not healthy after %2 s: %3</source>
        <translation>Service %1 ist nach %2 s nicht gesund: %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 does not become healthy: %2</source>
        <translation>%1 wird nicht gesund: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>its health check failed (unhealthy), so Swarm stopped the task</source>
        <translation>sein Healthcheck schlug fehl (unhealthy), daher hat Swarm den Task gestoppt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its last output: %1</source>
        <translation>seine letzte Ausgabe: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot scale %1 to %2 replicas</source>
        <translation>%1 kann nicht auf %2 Replikas skaliert werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>service %1 is not replicated (global or job mode) and cannot be scaled</source>
        <translation>Service %1 ist nicht repliziert (Modus global oder job) und kann nicht skaliert werden</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>would scale service %1 from %2 to %3 replicas: POST %4 %5</source>
        <translation>würde Service %1 von %2 auf %3 Replikas skalieren: POST %4 %5</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot scale service %1</source>
        <translation>Service %1 kann nicht skaliert werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scaled service %1 from %2 to %3 replicas (POST %4)</source>
        <translation>Service %1 von %2 auf %3 Replikas skaliert (POST %4)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (image %2, %3 replicas)</source>
        <translation>%1 (Image %2, %3 Replikas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (image %2)</source>
        <translation>%1 (Image %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>would remove service %1: DELETE /services/%2</source>
        <translation>würde Service %1 entfernen: DELETE /services/%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot remove service %1</source>
        <translation>Service %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>removed service %1</source>
        <translation>Service %1 entfernt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>service %1 was removed on %2 but still shows up after 10 s</source>
        <translation>Service %1 wurde auf %2 entfernt, ist aber nach 10 s noch sichtbar</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>service %1 has no Spec.TaskTemplate.ContainerSpec.Image to run a job with</source>
        <translation>Service %1 hat kein Spec.TaskTemplate.ContainerSpec.Image, mit dem ein Job laufen könnte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`%1` is not a valid image tag</source>
        <translation>`%1` ist kein gültiger Image-Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the job has no command</source>
        <translation>der Job hat keinen Befehl</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>neither %1 nor %2 exists on %3, so the job has no service to take its image and settings from</source>
        <translation>weder %1 noch %2 existiert auf %3, der Job hat also keinen Service, von dem er Image und Einstellungen übernehmen kann</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>would run job %1 once with image %2: %3: POST /services/create %4</source>
        <translation>würde Job %1 einmal mit Image %2 ausführen: %3: POST /services/create %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot start job %1</source>
        <translation>Job %1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>image %1 is not on the Docker node %2, so job %3 was not started: build or pull that version there first</source>
        <translation>Image %1 ist nicht auf dem Docker-Node %2, daher wurde Job %3 nicht gestartet: Bauen oder pullen Sie diese Version zuerst dort</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>task %1 is %2</source>
        <translation>Task %1 ist %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waiting for job %1</source>
        <translation>beim Warten auf Job %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>job %1 (%2) did not finish within %3 s (%4); it was removed</source>
        <translation>Job %1 (%2) wurde nicht innerhalb von %3 s fertig (%4); er wurde entfernt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no task yet</source>
        <translation>noch kein Task</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>job %1 (%2) with image %3 could not run: %4</source>
        <translation>Job %1 (%2) mit Image %3 konnte nicht laufen: %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>job %1 with image %2 ran %3 and exited with code %4</source>
        <translation>Job %1 mit Image %2 führte %3 aus und endete mit Code %4</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>service %1 has no running task to measure the CPU of</source>
        <translation>Service %1 hat keinen laufenden Task, dessen CPU gemessen werden könnte</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no container of %1 gave CPU figures</source>
        <translation>kein Container von %1 lieferte CPU-Werte</translation>
    </message>
</context>
<context>
    <name>optimist::DockerEventStream</name>
    <message>
        <location filename="../services/docker/DockerEventStream.cpp" line="+78"/>
        <source>the Docker daemon %1 closed its event stream</source>
        <translation>der Docker-Daemon %1 hat seinen Event-Stream geschlossen</translation>
    </message>
</context>
<context>
    <name>optimist::EnvironmentMonitor</name>
    <message>
        <location filename="../models/environments/EnvironmentMonitor.cpp" line="+34"/>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
</context>
<context>
    <name>optimist::EnvironmentRuntime</name>
    <message>
        <location filename="../services/runtime/EnvironmentRuntime.cpp" line="+84"/>
        <source>--env: %1 environments are configured (%2); name one with --env</source>
        <translation>--env: %1 Umgebungen sind konfiguriert (%2); wählen Sie eine mit --env</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the %2 cluster of environment %3 is not available in this build yet; only sandbox and docker environments can run</source>
        <translation>%1: Der %2-Cluster der Umgebung %3 ist in diesem Build noch nicht verfügbar; nur sandbox- und docker-Umgebungen können laufen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: cluster: %2</source>
        <translation>%1: cluster: %2</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1: %2: the secret %3 was not provided</source>
        <translation>%1: %2: das Geheimnis %3 wurde nicht bereitgestellt</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: metrics of kind %2 cannot measure a docker cluster; use traefik or prometheus</source>
        <translation>%1: Metriken der Art %2 können keinen Docker-Cluster messen; verwenden Sie traefik oder prometheus</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot read the sandbox state %1: %2</source>
        <translation>der Sandbox-Zustand %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sandbox state %1 is damaged (%2); delete it to start the sandbox afresh</source>
        <translation>der Sandbox-Zustand %1 ist beschädigt (%2); löschen Sie ihn, um die Sandbox neu zu beginnen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: a sandbox environment simulates one application; this one names %2</source>
        <translation>%1: eine Sandbox-Umgebung simuliert genau eine Anwendung; diese nennt %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the sandbox state %1 cannot be continued (%2); delete it to start the sandbox afresh</source>
        <translation>der Sandbox-Zustand %1 kann nicht fortgesetzt werden (%2); löschen Sie ihn, um die Sandbox neu zu beginnen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>--app: environment %1 has no application %2 (it has: %3)</source>
        <translation>--app: Umgebung %1 hat keine Anwendung %2 (vorhanden: %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--app: environment %1 manages %2 applications; name one with --app</source>
        <translation>--app: Umgebung %1 verwaltet %2 Anwendungen; wählen Sie eine mit --app</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+7"/>
        <source>cannot write the sandbox state %1: %2</source>
        <translation>der Sandbox-Zustand %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>optimist::EnvironmentTreeModel</name>
    <message>
        <location filename="../models/environments/EnvironmentTreeModel.cpp" line="+218"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicas</source>
        <translation>Replikas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bio-energy</source>
        <translation>Bio-Energie</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected from %1</source>
        <translation>Getrennt von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnected from %1: %2</source>
        <translation>Getrennt von %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insecure: this environment lets passwords and tokens go over plain HTTP to other hosts (allowInsecureHttp in its profile).</source>
        <translation>Unsicher: diese Umgebung lässt Passwörter und Tokens über unverschlüsseltes HTTP an andere Hosts gehen (allowInsecureHttp in ihrem Profil).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (insecure HTTP)</source>
        <translation>%1 (unsicheres HTTP)</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+81"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Not deployed</source>
        <translation>Nicht deployt</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+80"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+80"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+80"/>
        <source>Unhealthy</source>
        <translation>Nicht gesund</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+80"/>
        <source>Scaled to 0</source>
        <translation>Auf 0 skaliert</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>optimist::EnvironmentWorker</name>
    <message>
        <location filename="../app/gui/EnvironmentWorker.cpp" line="+187"/>
        <source>%1 (%2 of environment %3)</source>
        <translation>%1 (%2 der Umgebung %3)</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+85"/>
        <location line="+23"/>
        <location line="+152"/>
        <location line="+56"/>
        <source>environment %1 is not open</source>
        <translation>Umgebung %1 ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>there is no rollout #%1</source>
        <translation>es gibt keinen Rollout #%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>environment %1 has no place for rollout leases; nothing was started</source>
        <translation>Umgebung %1 hat keinen Ort für Rollout-Sperren; nichts wurde gestartet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1. Nothing was started: a rollout never runs without its lease.</source>
        <translation>%1. Nichts wurde gestartet: ein Rollout läuft nie ohne seine Sperre.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the history database is not open</source>
        <translation>die Verlaufsdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Lost the lease: %1. Stopped here: nothing more is written. Rollout #%2 stays unfinished in %3 at %4%; once the lease is free, resume it or roll it back.</source>
        <translation>Sperre verloren: %1. Hier angehalten: nichts mehr wird geschrieben. Rollout #%2 bleibt in %3 bei %4% unvollendet; sobald die Sperre frei ist, setzen Sie ihn fort oder rollen ihn zurück.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Nobody holds the rollout lease of %1 any more.</source>
        <translation>Niemand hält die Rollout-Sperre von %1 mehr.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the lease of %1 changed meanwhile; it was not broken</source>
        <translation>die Sperre von %1 hat sich inzwischen geändert; sie wurde nicht gebrochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Broke the lease of %1 held by %2; its process stops advancing at its next renewal.</source>
        <translation>Sperre von %1, gehalten von %2, gebrochen; sein Prozess hört bei seiner nächsten Erneuerung auf fortzuschreiten.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>rollout #%1 is not running here</source>
        <translation>Rollout #%1 läuft nicht hier</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>no earlier version of %1 is still kept warm (a rollout keeps the old color for its rollback window)</source>
        <translation>keine frühere Version von %1 wird noch warm gehalten (ein Rollout hält die alte Farbe für sein Rollback-Fenster bereit)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the rollout had already ended</source>
        <translation>der Rollout war bereits beendet</translation>
    </message>
</context>
<context>
    <name>optimist::EnvironmentsBinding</name>
    <message>
        <location filename="../app/gui/EnvironmentsBinding.cpp" line="+60"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>simulated</source>
        <translation>simuliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Nothing to roll back for %1: no rollout of it runs and no previous version of it is kept warm.</source>
        <translation>Für %1 gibt es nichts zurückzurollen: Es läuft kein Rollout und keine frühere Version wird warm gehalten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A rollout is running; one rollout at a time.</source>
        <translation>Ein Rollout läuft; es gibt immer nur einen Rollout zur Zeit.</translation>
    </message>
</context>
<context>
    <name>optimist::EnvironmentsPanel</name>
    <message>
        <location filename="../ui/environments/EnvironmentsPanel.cpp" line="+42"/>
        <source>Filter applications…</source>
        <translation>Anwendungen filtern…</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Roll back %1…</source>
        <translation>%1 zurückrollen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll %1 in %2 back to its stable version</source>
        <translation>%1 in %2 auf die stabile Version zurückrollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New rollout of %1…</source>
        <translation>Neuer Rollout von %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back…</source>
        <translation>Zurückrollen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an application to roll it back</source>
        <translation>Wählen Sie eine Anwendung aus, um sie zurückzurollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>New rollout…</source>
        <translation>Neuer Rollout…</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
</context>
<context>
    <name>optimist::FileLeaseStore</name>
    <message>
        <location filename="../services/lease/FileLeaseStore.cpp" line="+27"/>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot check the rollout lease of %1 (%2): %3</source>
        <translation>die Rollout-Sperre von %1 (%2) kann nicht geprüft werden: %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(someone)</source>
        <translation>(jemand)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file is not an Optimist lease; remove it if nobody is rolling %1 out</source>
        <translation>die Datei ist keine Optimist-Sperre; entfernen Sie sie, wenn niemand %1 ausrollt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the folder cannot be created</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the lease file kept changing; try again</source>
        <translation>die Sperrdatei änderte sich ständig; versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>optimist::GuiApplication</name>
    <message>
        <location filename="../app/gui/GuiApplication.cpp" line="+94"/>
        <source>The environments cannot be read</source>
        <translation>Die Umgebungen können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>connecting…</source>
        <translation>wird verbunden…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Saved %1; its environment is opened again with these settings.</source>
        <translation>%1 gespeichert; die Umgebung wird mit diesen Einstellungen neu geöffnet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Removed %1; the environment %2 is closed.</source>
        <translation>%1 entfernt; die Umgebung %2 ist geschlossen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Welcome to Optimist</source>
        <translation>Willkommen bei Optimist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No environment is configured yet.

Open the sandbox — a simulated Docker Swarm with Traefik and two applications, portal and shop, on a fast clock — to try rollouts without touching a real cluster? You can add your own environments in Settings at any time.</source>
        <translation>Es ist noch keine Umgebung konfiguriert.

Die Sandbox öffnen — einen simulierten Docker Swarm mit Traefik und zwei Anwendungen, portal und shop, auf einer schnellen Uhr —, um Rollouts auszuprobieren, ohne einen echten Cluster anzufassen? Eigene Umgebungen können Sie jederzeit in den Einstellungen hinzufügen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the sandbox</source>
        <translation>Sandbox öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No environment is open; add one in Settings.</source>
        <translation>Es ist keine Umgebung geöffnet; fügen Sie eine in den Einstellungen hinzu.</translation>
    </message>
</context>
<context>
    <name>optimist::HistoryBinding</name>
    <message>
        <location filename="../app/gui/HistoryBinding.cpp" line="+93"/>
        <source>Step timeline</source>
        <translation>Schrittverlauf</translation>
    </message>
</context>
<context>
    <name>optimist::HistoryModel</name>
    <message>
        <location filename="../models/history/HistoryModel.cpp" line="+92"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Rollout #%1 in %2</source>
        <translation>Rollout #%1 in %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollout #%1 in %2: %3</source>
        <translation>Rollout #%1 in %2: %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
</context>
<context>
    <name>optimist::HistoryPanel</name>
    <message>
        <location filename="../ui/history/HistoryPanel.cpp" line="+29"/>
        <source>Show the rollouts of one application</source>
        <translation>Die Rollouts einer Anwendung anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All applications</source>
        <translation>Alle Anwendungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the rollouts that ended this way</source>
        <translation>Die Rollouts mit diesem Ergebnis anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfinished</source>
        <translation>Nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by application, version, who or reason…</source>
        <translation>Nach Anwendung, Version, Person oder Grund filtern…</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rollouts: %L1</source>
        <translation>Rollouts: %L1</translation>
    </message>
</context>
<context>
    <name>optimist::KeychainSecretStore</name>
    <message>
        <location filename="../services/secrets/KeychainSecretStore.cpp" line="+33"/>
        <source>`%1` is not a keychain reference; write `keychain:SERVICE/ACCOUNT`, e.g. `keychain:optimist/redis.internal`.</source>
        <translation>`%1` ist kein Schlüsselbund-Verweis; schreiben Sie `keychain:SERVICE/ACCOUNT`, z. B. `keychain:optimist/redis.internal`.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The keychain holds no secret for `%1`: store it there under service `%2`, account `%3`.</source>
        <translation>Der Schlüsselbund enthält kein Geheimnis für `%1`: Legen Sie es dort unter Dienst `%2`, Konto `%3` ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keychain refused access to `%1` (%2): unlock it and allow Optimist to use it, then try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf `%1` verweigert (%2): Entsperren Sie ihn, erlauben Sie Optimist die Nutzung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No keychain is available (%1), so the secret for `%2` cannot be read. Start and unlock a Secret Service (gnome-keyring, KWallet) and try again.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher kann das Geheimnis für `%2` nicht gelesen werden. Starten und entsperren Sie einen Secret Service (gnome-keyring, KWallet) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No keychain is available (%1), so the secret for `%2` was not stored, nor written anywhere else. Start and unlock a Secret Service (gnome-keyring, KWallet) and try again.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher wurde das Geheimnis für `%2` weder gespeichert noch anderswo abgelegt. Starten und entsperren Sie einen Secret Service (gnome-keyring, KWallet) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No keychain is available (%1), so the secret for `%2` was not removed. Start and unlock a Secret Service (gnome-keyring, KWallet) and try again.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher wurde das Geheimnis für `%2` nicht entfernt. Starten und entsperren Sie einen Secret Service (gnome-keyring, KWallet) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The keychain failed on `%1`: %2.</source>
        <translation>Der Schlüsselbund ist bei `%1` fehlgeschlagen: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The keychain did not answer within %n second(s) about `%1`: unlock it (a prompt may be waiting) and try again.</source>
        <translation>
            <numerusform>Der Schlüsselbund hat zu `%1` nicht innerhalb von %n Sekunde geantwortet: Entsperren Sie ihn (möglicherweise wartet eine Abfrage) und versuchen Sie es erneut.</numerusform>
            <numerusform>Der Schlüsselbund hat zu `%1` nicht innerhalb von %n Sekunden geantwortet: Entsperren Sie ihn (möglicherweise wartet eine Abfrage) und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>optimist::LeaseKeeper</name>
    <message>
        <location filename="../services/lease/LeaseKeeper.cpp" line="+27"/>
        <source>%1 To take over: optimist-cli lease break %2 --env %3</source>
        <translation>%1 Zum Übernehmen: optimist-cli lease break %2 --env %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the lease of %1 was taken over by %2 at %3 UTC (someone broke it or it expired)</source>
        <translation>die Sperre von %1 wurde von %2 um %3 UTC übernommen (jemand hat sie gebrochen oder sie ist abgelaufen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the lease of %1 was broken: it is no longer held by this process</source>
        <translation>die Sperre von %1 wurde gebrochen: dieser Prozess hält sie nicht mehr</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the lease of %1 could not be renewed before it expired at %2 UTC: %3</source>
        <translation>die Sperre von %1 konnte nicht erneuert werden, bevor sie um %2 UTC ablief: %3</translation>
    </message>
</context>
<context>
    <name>optimist::MainWindow</name>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="+45"/>
        <location line="+16"/>
        <source>Optimist</source>
        <translation>Optimist</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;New rollout…</source>
        <translation>&amp;Neuer Rollout…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll a new version of the selected application out</source>
        <translation>Eine neue Version der ausgewählten Anwendung ausrollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+156"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Hold the rollout before its next weight change, or continue it</source>
        <translation>Den Rollout vor der nächsten Gewichtsänderung anhalten oder ihn fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;romote</source>
        <translation>&amp;Weiterschalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the next step now</source>
        <translation>Sofort zum nächsten Schritt wechseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promote &amp;fully…</source>
        <translation>&amp;Vollständig weiterschalten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift all traffic to the new version now</source>
        <translation>Sofort den gesamten Traffic auf die neue Version verlagern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Abort…</source>
        <translation>Rollout &amp;abbrechen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the rollout and send all traffic back to the old version</source>
        <translation>Den Rollout stoppen und den gesamten Traffic zurück auf die alte Version leiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Roll back…</source>
        <translation>&amp;Zurückrollen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring the previous version back to 100%</source>
        <translation>Die vorherige Version wieder auf 100% bringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environments, connections and credentials</source>
        <translation>Umgebungen, Verbindungen und Zugangsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Optimist</source>
        <translation>Optimist schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the keyboard shortcuts</source>
        <translation>Die Tastenkombinationen auflisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Optimist</source>
        <translation>Ü&amp;ber Optimist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+140"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Rollout</source>
        <translation>&amp;Rollout</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+40"/>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Live rollout</source>
        <translation>&amp;Live-Rollout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to roll back: no rollout runs and no previous version is kept warm (%1)</source>
        <translation>Nichts zurückzurollen: Es läuft kein Rollout, und keine vorherige Version wird warm gehalten (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No rollout running</source>
        <translation>Kein Rollout aktiv</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Keep running in the tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep running minimized</source>
        <translation>Minimiert weiterlaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A rollout is running</source>
        <translation>Ein Rollout läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rollout is running. What should happen to it?

%1</source>
        <translation>Ein Rollout läuft. Was soll mit ihm geschehen?

%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause at the current weights and quit</source>
        <translation>Bei den aktuellen Gewichten pausieren und beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back now and quit</source>
        <translation>Jetzt zurückrollen und beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Optimist keeps running</source>
        <translation>Optimist läuft weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rollout continues; click the tray icon to open the window.</source>
        <translation>Der Rollout läuft weiter; klicken Sie auf das Symbol im Infobereich, um das Fenster zu öffnen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1	%2</source>
        <translation>%1	%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>About Optimist</source>
        <translation>Über Optimist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimist %1

Optimistic rollouts — blue-green deployments with gradual canary traffic shifting and automatic rollback — of Docker Swarm services routed by Traefik.</source>
        <translation>Optimist %1

Optimistische Rollouts — Blue-Green-Deployments mit schrittweiser Traffic-Verlagerung auf den canary und automatischem Rollback — für Docker-Swarm-Services hinter Traefik.</translation>
    </message>
</context>
<context>
    <name>optimist::MainWindowController</name>
    <message>
        <location filename="../app/gui/MainWindowController.cpp" line="+54"/>
        <source>Not done: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rollout refused</source>
        <translation>Rollout verweigert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break lease…</source>
        <translation>Sperre brechen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+5"/>
        <source>Break lease</source>
        <translation>Sperre brechen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Break the rollout lease of %1? The process holding it stops advancing at its next renewal and leaves its rollout unfinished. Your breaking it is recorded.</source>
        <translation>Die Rollout-Sperre von %1 brechen? Der Prozess, der sie hält, hört bei seiner nächsten Erneuerung auf fortzuschreiten und lässt seinen Rollout unvollendet. Dass Sie sie brechen, wird festgehalten.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lease lost</source>
        <translation>Sperre verloren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>simulated</source>
        <translation>simuliert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment %1 is not available</source>
        <translation>Umgebung %1 ist nicht verfügbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The history cannot be opened</source>
        <translation>Der Verlauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+5"/>
        <source>Promote fully</source>
        <translation>Vollständig weiterschalten</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Shift 100% of %1&apos;s traffic to %2 (%3) now, skipping the remaining steps; %4 (%5) is then removed.</source>
        <translation>100% des Traffics von %1 jetzt auf %2 (%3) verlagern und die restlichen Schritte überspringen; %4 (%5) wird danach entfernt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Abort the rollout</source>
        <translation>Rollout abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Rollout abbrechen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <location line="+88"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>%1 %2 · %3 · %4</source>
        <translation>%1 %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · paused</source>
        <translation> · pausiert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is back on %2</source>
        <translation>%1 läuft wieder mit %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolling %1 back to %2: %3</source>
        <translation>%1 wird auf %2 zurückgerollt: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 rolled out</source>
        <translation>%1 %2 ausgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 rolled back</source>
        <translation>%1 %2 zurückgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rollout of %1 %2 failed</source>
        <translation>Rollout von %1 %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rollout #%1 of %2 is unfinished</source>
        <translation>Rollout #%1 von %2 ist nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue it with `optimist-cli resume %1` or roll it back with `optimist-cli rollback %1`.</source>
        <translation>Setzen Sie ihn mit `optimist-cli resume %1` fort oder rollen Sie ihn mit `optimist-cli rollback %1` zurück.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An unfinished rollout</source>
        <translation>Ein nicht abgeschlossener Rollout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollout #%1 of %2 (%3 → %4), started by %5, was left unfinished in %6 with %7% of the traffic on %4.

Resume it where it stopped, or roll it back: shift 100% of %2&apos;s traffic back to %8 (%3) and remove %9 (%4)?</source>
        <translation>Rollout #%1 von %2 (%3 → %4), gestartet von %5, ist im Zustand %6 mit %7% des Traffics auf %4 stehen geblieben.

Dort fortsetzen, wo er angehalten hat, oder zurückrollen: 100% des Traffics von %2 zurück auf %8 (%3) verlagern und %9 (%4) entfernen?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pausing at the current weights; Optimist closes once paused.</source>
        <translation>Der Rollout wird bei den aktuellen Gewichten pausiert; danach wird Optimist geschlossen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rolling back; Optimist closes once the rollback is done.</source>
        <translation>Es wird zurückgerollt; nach Abschluss des Rollbacks wird Optimist geschlossen.</translation>
    </message>
</context>
<context>
    <name>optimist::MetricsPanel</name>
    <message>
        <location filename="../ui/charts/MetricsPanel.cpp" line="+21"/>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the latest data in view (Home in a chart). Zooming or panning a chart stops following.</source>
        <translation>Die neuesten Daten im Blick behalten (Pos1 in einem Diagramm). Zoomen oder Verschieben eines Diagramms beendet das Folgen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wheel or drag to zoom, Shift+drag or arrow keys to pan, Home to follow live data again.</source>
        <translation>Mausrad oder Ziehen zum Zoomen, Umschalt+Ziehen oder Pfeiltasten zum Verschieben, Pos1, um wieder den Live-Daten zu folgen.</translation>
    </message>
</context>
<context>
    <name>optimist::MetricsTimeline</name>
    <message>
        <location filename="../models/metrics/MetricsTimeline.cpp" line="+73"/>
        <source>Threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit %1 %2</source>
        <translation>Limit %1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bio-energy</source>
        <translation>Bio-Energie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response time</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request volume</source>
        <translation>Anfragevolumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>req/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Weights in force: %1</source>
        <translation>Wirksame Gewichte: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Advance</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finalize</source>
        <translation>Abschließen</translation>
    </message>
</context>
<context>
    <name>optimist::MetricsWithCpu</name>
    <message>
        <location filename="../services/metrics/MetricsWithCpu.cpp" line="+108"/>
        <source>CPU of %1 unknown in this window: %2</source>
        <translation>CPU von %1 in diesem Fenster unbekannt: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CPU of %1 unknown in this window: the cluster did not report it within %2 ms</source>
        <translation>CPU von %1 in diesem Fenster unbekannt: Der Cluster hat sie nicht innerhalb von %2 ms gemeldet</translation>
    </message>
</context>
<context>
    <name>optimist::NewRolloutDialog</name>
    <message>
        <location filename="../ui/rollout/NewRolloutDialog.cpp" line="+44"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cautious</source>
        <translation>Vorsichtig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick</source>
        <translation>Schnell</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New rollout</source>
        <translation>Neuer Rollout</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Application:</source>
        <translation>&amp;Anwendung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>image tag, e.g. 2.4.1</source>
        <translation>Image-Tag, z. B. 2.4.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canary weights in percent, increasing, ending at 100</source>
        <translation>Canary-Gewichte in Prozent, aufsteigend, endend bei 100</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Steps (%):</source>
        <translation>&amp;Schritte (%):</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <location line="+15"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>The first step&apos;s weight</source>
        <translation>Das Gewicht des ersten Schritts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Initial traffic:</source>
        <translation>Anfangs-&amp;Traffic:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check i&amp;nterval:</source>
        <translation>Prüfi&amp;ntervall:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checks per st&amp;ep:</source>
        <translation>Prüfungen pro Sc&amp;hritt:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Judging</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Minimum bio-energy of the canary (0–130)</source>
        <translation>Minimale Bio-Energie des canary (0–130)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bio-energy &amp;threshold:</source>
        <translation>Bio-Energie-Sch&amp;welle:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Max error &amp;rate:</source>
        <translation>Max. &amp;Fehlerquote:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max response ti&amp;me:</source>
        <translation>Max. Antwort&amp;zeit:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU of the canary&apos;s tasks; above 100 % on several cores</source>
        <translation>CPU der Tasks des canary; über 100 % bei mehreren Kernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max &amp;CPU:</source>
        <translation>Max. &amp;CPU:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>95th percentile</source>
        <translation>95. Perzentil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latenc&amp;y figure:</source>
        <translation>&amp;Latenzkennzahl:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After a success the old version is kept warm this long for a one-click rollback; none removes it at once</source>
        <translation>Nach einem Erfolg bleibt die alte Version so lange für ein Rollback mit einem Klick warm; „keines“ entfernt sie sofort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll&amp;back window:</source>
        <translation>&amp;Rollback-Fenster:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Force: emergency release, skip the gradual steps</source>
        <translation>&amp;Erzwingen: Notfall-Release ohne schrittweise Stufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deploy, wait until healthy, then 100 % at once without checks</source>
        <translation>Deployen, warten bis gesund, dann sofort 100 % ohne Prüfungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dry run: read everything, write nothing</source>
        <translation>Pro&amp;belauf: alles lesen, nichts schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every write is only described (&quot;would do …&quot;) in the journal</source>
        <translation>Jeder Schreibvorgang wird im Journal nur beschrieben („würde … tun“)</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+30"/>
        <source>Start rollo&amp;ut</source>
        <translation>R&amp;ollout starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start dry r&amp;un</source>
        <translation>Pr&amp;obelauf starten</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>“%1” is not a whole percentage; write the steps as e.g. 10, 25, 50, 75, 100</source>
        <translation>„%1“ ist kein ganzzahliger Prozentwert; geben Sie die Schritte z. B. als 10, 25, 50, 75, 100 an</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>There is no application to roll out in this environment</source>
        <translation>In dieser Umgebung gibt es keine Anwendung zum Ausrollen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the version to roll out: the image tag, e.g. 2.4.1</source>
        <translation>Geben Sie die auszurollende Version an: den Image-Tag, z. B. 2.4.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not an image tag: letters, digits, _ . and - only, at most 128, not starting with . or -</source>
        <translation>„%1“ ist kein Image-Tag: nur Buchstaben, Ziffern, _ . und -, höchstens 128 Zeichen, nicht mit . oder - am Anfang</translation>
    </message>
</context>
<context>
    <name>optimist::PostMortemView</name>
    <message>
        <location filename="../ui/history/PostMortemView.cpp" line="+46"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step timeline</source>
        <translation>Zeitleiste der Schritte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export charts as PNG…</source>
        <translation>Diagramme als PNG exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export report as Markdown…</source>
        <translation>Bericht als Markdown exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export samples as CSV…</source>
        <translation>Messwerte als CSV exportieren…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the five charts as a PNG image</source>
        <translation>Die fünf Diagramme als PNG-Bild speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the summary, step timeline, checks, decisions and operator actions as Markdown</source>
        <translation>Zusammenfassung, Zeitleiste der Schritte, Prüfungen, Entscheidungen und Bedieneraktionen als Markdown speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every stored sample of both colors as CSV</source>
        <translation>Alle gespeicherten Messwerte beider Farben als CSV speichern</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export the post-mortem</source>
        <translation>Post-Mortem exportieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The rollout could not be read: %1</source>
        <translation>Der Rollout konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No rollout selected</source>
        <translation>Kein Rollout ausgewählt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rollout #%1 — %2 %3 → %4: %5</source>
        <translation>Rollout #%1 — %2 %3 → %4: %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>optimist::ProfileListModel</name>
    <message>
        <location filename="../models/settings/ProfileListModel.cpp" line="+45"/>
        <source>%1 (not saved yet)</source>
        <translation>%1 (noch nicht gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>optimist::PrometheusMetrics</name>
    <message>
        <location filename="../services/metrics/PrometheusMetrics.cpp" line="+62"/>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the metrics window %1 – %2 is not a time span</source>
        <translation>das Metrikfenster %1 – %2 ist keine Zeitspanne</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1: Prometheus has no requests for this service in the window</source>
        <translation>%1: Prometheus hat im Fenster keine Anfragen für diesen Service</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: no p95, Prometheus has no latency histogram for the window</source>
        <translation>%1: kein p95, Prometheus hat kein Latenz-Histogramm für das Fenster</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: p95 is above the largest finite bucket bound, %2 ms (only a lower bound)</source>
        <translation>%1: p95 liegt über der größten endlichen Bucket-Grenze, %2 ms (nur eine Untergrenze)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: p95 %2 ms, interpolated within the histogram bucket %3–%4 ms</source>
        <translation>%1: p95 %2 ms, interpoliert innerhalb des Histogramm-Buckets %3–%4 ms</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Prometheus at %1 did not answer within %2 ms; check that it runs and is not overloaded</source>
        <translation>Prometheus unter %1 hat nicht innerhalb von %2 ms geantwortet; prüfen Sie, ob es läuft und nicht überlastet ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot reach Prometheus at %1 (%2); check the environment&apos;s Prometheus URL and that it runs</source>
        <translation>Prometheus unter %1 ist nicht erreichbar (%2); prüfen Sie die Prometheus-URL der Umgebung und ob es läuft</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prometheus at %1 refused access (HTTP %2); check the token stored in the keychain for this environment</source>
        <translation>Prometheus unter %1 hat den Zugriff verweigert (HTTP %2); prüfen Sie das Token, das für diese Umgebung im Schlüsselbund gespeichert ist</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prometheus at %1 answered HTTP %2 without an API answer; check that the URL points at Prometheus itself</source>
        <translation>Prometheus unter %1 antwortete mit HTTP %2 ohne API-Antwort; prüfen Sie, ob die URL auf Prometheus selbst zeigt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Prometheus at %1 answered HTTP %2 with a success body</source>
        <translation>Prometheus unter %1 antwortete mit HTTP %2 und einem Erfolgs-Body</translation>
    </message>
</context>
<context>
    <name>optimist::RedisConnection</name>
    <message>
        <location filename="../services/redis/RedisConnection.cpp" line="+99"/>
        <source>Redis at %1 (database %2)</source>
        <translation>Redis unter %1 (Datenbank %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis at %1</source>
        <translation>Redis unter %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Lost the connection to %1 during a transaction; it was applied entirely or not at all</source>
        <translation>Die Verbindung zu %1 ist während einer Transaktion abgebrochen; sie wurde entweder vollständig oder gar nicht angewendet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 changed while the transaction was prepared; nothing was written</source>
        <translation>In %1 hat sich während der Vorbereitung der Transaktion etwas geändert; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The connection to %1 was closed</source>
        <translation>Die Verbindung zu %1 wurde geschlossen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 did not accept a connection and login within %2 s; check the address and that the server is running</source>
        <translation>%1 hat nicht innerhalb von %2 s Verbindung und Anmeldung angenommen; prüfen Sie die Adresse und ob der Server läuft</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The Redis address &quot;%1&quot; is not host:port</source>
        <translation>Die Redis-Adresse „%1“ hat nicht die Form host:port</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot resolve the host of %1: %2</source>
        <translation>Der Host von %1 kann nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>Cannot connect to %1: %2; check the address and that the server is running</source>
        <translation>Keine Verbindung zu %1 möglich: %2; prüfen Sie die Adresse und ob der Server läuft</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the server closed it</source>
        <translation>der Server hat sie geschlossen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lost the connection to %1: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Lost the connection to %1 while running %2</source>
        <translation>Verbindung zu %1 während der Ausführung von %2 verloren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 requires a login, and no password is configured; store its password in the keychain and reference it as router.password</source>
        <translation>%1 verlangt eine Anmeldung, aber es ist kein Passwort konfiguriert; legen Sie das Passwort im Schlüsselbund ab und verweisen Sie darauf mit router.password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 refused the credentials of user &quot;%2&quot;; check the user name and the password stored in the keychain</source>
        <translation>%1 hat die Zugangsdaten des Benutzers „%2“ abgelehnt; prüfen Sie den Benutzernamen und das im Schlüsselbund gespeicherte Passwort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not allow user &quot;%2&quot; to run %3: %4; grant the user these keys and commands in its ACL</source>
        <translation>%1 erlaubt dem Benutzer „%2“ nicht, %3 auszuführen: %4; gewähren Sie dem Benutzer in seiner ACL diese Schlüssel und Befehle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 refused %2: %3</source>
        <translation>%1 hat %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 cannot select database %2: %3</source>
        <translation>%1 kann die Datenbank %2 nicht auswählen: %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not connected to %1</source>
        <translation>Nicht mit %1 verbunden</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+4"/>
        <source>Cannot send %1 to %2</source>
        <translation>%1 kann nicht an %2 gesendet werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 did not answer %2 within %3 s; the connection was dropped</source>
        <translation>%1 hat %2 nicht innerhalb von %3 s beantwortet; die Verbindung wurde getrennt</translation>
    </message>
</context>
<context>
    <name>optimist::RedisLeaseStore</name>
    <message>
        <location filename="../services/lease/RedisLeaseStore.cpp" line="+24"/>
        <source>%1, key %2</source>
        <translation>%1, Schlüssel %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot check the rollout lease of %1 (%2): %3</source>
        <translation>die Rollout-Sperre von %1 (%2) kann nicht geprüft werden: %3</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>the rollout lease of %1 (%2) is not Optimist&apos;s: %3</source>
        <translation>die Rollout-Sperre von %1 (%2) gehört nicht Optimist: %3</translation>
    </message>
</context>
<context>
    <name>optimist::RolloutController</name>
    <message>
        <location filename="../app/gui/RolloutController.cpp" line="+20"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>A rollout is starting: %1 can be removed once it runs elsewhere or has ended.</source>
        <translation>Ein Rollout startet: %1 kann entfernt werden, sobald er anderswo läuft oder beendet ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rollout #%1 of %2 is running in %3: the environment can be removed once the rollout has ended.</source>
        <translation>Rollout #%1 von %2 läuft in %3: die Umgebung kann entfernt werden, sobald der Rollout beendet ist.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+19"/>
        <source>rollout #%1 of %2 is still running; one rollout at a time</source>
        <translation>Rollout #%1 von %2 läuft noch; es ist nur ein Rollout gleichzeitig möglich</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>no environment is open</source>
        <translation>keine Umgebung ist geöffnet</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: no rollout is running</source>
        <translation>%1: Es läuft kein Rollout</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>nothing to roll back: no rollout runs and no previous version is kept warm</source>
        <translation>nichts zurückzurollen: Es läuft kein Rollout, und keine vorherige Version wird warm gehalten</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Abort the rollout of %1 %2: shift 100% of %1&apos;s traffic back to %3 and remove %4.</source>
        <translation>Den Rollout von %1 %2 abbrechen: 100% des Traffics von %1 zurück auf %3 verlagern und %4 entfernen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift 100% of %1&apos;s traffic back to %2 and remove %3.</source>
        <translation>100% des Traffics von %1 zurück auf %2 verlagern und %3 entfernen.</translation>
    </message>
</context>
<context>
    <name>optimist::RolloutEngine</name>
    <message>
        <location filename="../engine/rollout/RolloutEngine.cpp" line="+66"/>
        <location line="+55"/>
        <source>this engine is already running rollout #%1</source>
        <translation>diese Engine führt bereits Rollout #%1 aus</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>app: no application given</source>
        <translation>app: keine Anwendung angegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>version: no version given</source>
        <translation>version: keine Version angegeben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>rollout #%1 of %2 (%3 → %4, started %5 by %6) is unfinished in state %7; resume it with `optimist-cli resume %1` or roll it back with `optimist-cli rollback %1`</source>
        <translation>Rollout #%1 von %2 (%3 → %4, gestartet %5 von %6) ist im Zustand %7 offen; setzen Sie ihn mit `optimist-cli resume %1` fort oder rollen Sie ihn mit `optimist-cli rollback %1` zurück</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>rollout #%1 already ended (%2): %3</source>
        <translation>Rollout #%1 ist bereits beendet (%2): %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>resume</source>
        <translatorcomment>Fills %5 of &quot;%1 takes over interrupted rollout… to %5&quot;: a zu-infinitive.</translatorcomment>
        <translation>fortzusetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>roll back</source>
        <translatorcomment>Fills %5 of &quot;%1 takes over interrupted rollout… to %5&quot;: a zu-infinitive.</translatorcomment>
        <translation>zurückzurollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 takes over interrupted rollout #%2 (last state %3, step %4) to %5</source>
        <translation>%1 übernimmt den unterbrochenen Rollout #%2 (letzter Zustand %3, Schritt %4), um ihn %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1067"/>
        <source>the history store cannot be written</source>
        <translation>der Verlaufsspeicher kann nicht beschrieben werden</translation>
    </message>
    <message>
        <location line="-1059"/>
        <source>Recovery could not read %1: %2. The rollout is left as it was (last state %3); try again when %1 answers.</source>
        <translation>Die Wiederherstellung konnte den %1 nicht lesen: %2. Der Rollout bleibt, wie er war (letzter Zustand %3); versuchen Sie es erneut, sobald der %1 antwortet.</translation>
    </message>
    <message>
        <location line="+227"/>
        <source>the cluster</source>
        <translatorcomment>Fills %1 of &quot;Recovery could not read %1…&quot; and &quot;PreChecks: cannot read %1…&quot;; those translations supply the article (den/der), so give the bare masculine noun.</translatorcomment>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the router</source>
        <translatorcomment>Fills %1 of &quot;Recovery could not read %1…&quot; and &quot;PreChecks: cannot read %1…&quot;; those translations supply the article (den/der), so give the bare masculine noun.</translatorcomment>
        <translation>Router</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Reconciled: the router shows %1; %2 %3</source>
        <translation>Abgeglichen: Der Router zeigt %1; %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exists (%1, %2/%3 tasks running)</source>
        <translation>existiert (%1, %2/%3 Tasks laufen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+34"/>
        <source>interrupted in %1; rolled back on recovery</source>
        <translation>in %1 unterbrochen; bei der Wiederherstellung zurückgerollt</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Reconciled: the router shows %1; the rollout was interrupted before it chose its colors, so nothing had been changed</source>
        <translation>Abgeglichen: der Router zeigt %1; der Rollout wurde unterbrochen, bevor er seine Farben wählte, also war nichts geändert worden</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot roll back: %1 (%2) was already removed while finalizing; finishing the rollout on %3 instead</source>
        <translation>Zurückrollen nicht möglich: %1 (%2) wurde beim Abschließen schon entfernt; der Rollout wird stattdessen auf %3 abgeschlossen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>interrupted in %1, yet %2 exists; rolled back to be safe</source>
        <translation>in %1 unterbrochen, aber %2 existiert; sicherheitshalber zurückgerollt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 vanished while the rollout was interrupted</source>
        <translation>%1 ist verschwunden, während der Rollout unterbrochen war</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The history store failed (%1), so the rollout stopped in %2 without further changes. Last confirmed weights: %3. Check %4 and its weights before acting.</source>
        <translation>Der Verlaufsspeicher ist ausgefallen (%1), daher hat der Rollout in %2 ohne weitere Änderungen angehalten. Zuletzt bestätigte Gewichte: %3. Prüfen Sie %4 und die zugehörigen Gewichte, bevor Sie eingreifen.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Checking %1 before rolling out %2</source>
        <translation>%1 wird geprüft, bevor %2 ausgerollt wird</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PreChecks: cannot read %1: %2. Nothing was changed.</source>
        <translation>PreChecks: Der %1 kann nicht gelesen werden: %2. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>PreChecks: the router holds no weights for %1 yet and the cluster runs %2, so the active color is unknown; keep only the color that serves the traffic (%1-blue or %1-green) and start again. Nothing was changed.</source>
        <translation>PreChecks: Der Router hat noch keine Gewichte für %1, und der Cluster betreibt %2, daher ist die aktive Farbe unbekannt; behalten Sie nur die Farbe, die den Traffic bedient (%1-blue oder %1-green), und starten Sie erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both colors</source>
        <translation>beide Farben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>neither color</source>
        <translation>keine der Farben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The router holds no weights for %1 yet: %2, its only color, is taken as 100% of the traffic; the first weight change adds %1 to the router</source>
        <translation>Der Router hat noch keine Gewichte für %1: %2, die einzige Farbe, gilt als 100% des Traffics; die erste Gewichtsänderung trägt %1 im Router ein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PreChecks: the weights of %1 are %2, not 100% on one color; another rollout may be running or was interrupted (see `optimist-cli status`). Nothing was changed.</source>
        <translation>PreChecks: Die Gewichte von %1 sind %2, nicht 100% auf einer Farbe; womöglich läuft ein anderer Rollout oder wurde unterbrochen (siehe `optimist-cli status`). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PreChecks: %1 carries 100% of the traffic but does not exist in the cluster. Nothing was changed.</source>
        <translation>PreChecks: %1 trägt 100% des Traffics, existiert aber nicht im Cluster. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PreChecks: the active color %1 is not healthy (%2/%3 tasks running%4); fix it before rolling out. Nothing was changed.</source>
        <translation>PreChecks: Die aktive Farbe %1 ist nicht gesund (%2/%3 Tasks laufen%4); beheben Sie das vor dem Ausrollen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PreChecks: %1 already serves 100% of %2 on %3; nothing to roll out.</source>
        <translation>PreChecks: %1 bedient bereits 100% von %2 auf %3; es gibt nichts auszurollen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 serves %2 at 100%, %3/%4 tasks healthy; the new version goes to %5</source>
        <translation>%1 bedient %2 mit 100%, %3/%4 Tasks gesund; die neue Version kommt auf %5</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PreChecks: there is no warm %1 running %2 to go back to (%3). Nothing was changed.</source>
        <translation>PreChecks: Es gibt keinen warm gehaltenen Service %1 mit %2, zu dem zurückgekehrt werden könnte (%3). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it runs %1</source>
        <translation>er läuft mit %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>it was removed</source>
        <translation>er wurde entfernt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 still runs %2 (kept warm): shifting the traffic back to it</source>
        <translation>%1 läuft noch mit %2 (warm gehalten): Der Traffic wird dorthin zurückverlagert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Removing stale idle color %1 (%2, weight 0)</source>
        <translation>Veraltete ungenutzte Farbe %1 wird entfernt (%2, Gewicht 0)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PreChecks: the stale idle color %1 could not be removed: %2. Nothing else was changed.</source>
        <translation>PreChecks: Die veraltete ungenutzte Farbe %1 konnte nicht entfernt werden: %2. Sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Running the pre-rollout hook `%1` with %2</source>
        <translation>Pre-Rollout-Hook `%1` wird mit %2 ausgeführt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting the hook job `%1`</source>
        <translation>Hook-Job `%1` wird gestartet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Migrating: the pre-rollout hook `%1` could not run: %2. Nothing was deployed.</source>
        <translation>Migrating: Der Pre-Rollout-Hook `%1` konnte nicht laufen: %2. Es wurde nichts deployt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Migrating: the pre-rollout hook `%1` exited with code %2; nothing was deployed. Last output: %3</source>
        <translation>Migrating: Der Pre-Rollout-Hook `%1` endete mit Code %2; es wurde nichts deployt. Letzte Ausgabe: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The hook `%1` exited with code 0</source>
        <translation>Der Hook `%1` endete mit Code 0</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Creating %1 with %2 from the spec of %3</source>
        <translation>%1 wird mit %2 nach der Spezifikation von %3 angelegt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creating %1</source>
        <translation>%1 wird angelegt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>creating %1 failed: %2</source>
        <translation>Anlegen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Would wait up to %1 s for %2 to be healthy</source>
        <translation>Würde bis zu %1 s warten, bis %2 gesund ist</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Waiting up to %1 s for %2 to be healthy</source>
        <translation>Es wird bis zu %1 s gewartet, bis %2 gesund ist</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 never became healthy: %2</source>
        <translation>%1 wurde nicht gesund: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is healthy: %2/%3 tasks running</source>
        <translation>%1 ist gesund: %2/%3 Tasks laufen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Step %1 of %2: shifting %3% of the traffic to %4</source>
        <translation>Schritt %1 von %2: %3% des Traffics werden auf %4 verlagert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writing weights %1</source>
        <translation>Gewichte %1 werden geschrieben</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>writing weights %1 failed: %2</source>
        <translation>Schreiben der Gewichte %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>writing weights %1 failed %2 times in a row: %3</source>
        <translation>Schreiben der Gewichte %1 schlug %2-mal in Folge fehl: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>writing weights %1 failed (attempt %2 of %3): %4; holding at %5%, retrying in %6 s</source>
        <translation>Schreiben der Gewichte %1 schlug fehl (Versuch %2 von %3): %4; halte bei %5%, neuer Versuch in %6 s</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the router never showed weights %1 in force: %2</source>
        <translation>der Router hat die Gewichte %1 nie als wirksam gemeldet: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Would finalize at once (--force skips the checks)</source>
        <translation>Würde sofort abschließen (--force überspringt die Prüfungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Would observe %1 check(s) of %2 s at %3%</source>
        <translation>Würde bei %3% %1 Prüfung(en) zu je %2 s beobachten</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+311"/>
        <source>Weights in force: %1</source>
        <translation>Wirksame Gewichte: %1</translation>
    </message>
    <message>
        <location line="-301"/>
        <source>Final validation at 100%: %1 check(s) of %2 s</source>
        <translation>Abschlussvalidierung bei 100%: %1 Prüfung(en) zu je %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Observing %1% for %2 check(s) of %3 s</source>
        <translation>%1% werden für %2 Prüfung(en) zu je %3 s beobachtet</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>metrics unavailable: %1</source>
        <translation>Metriken nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>check failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check failed (%1 of %2 allowed): %3</source>
        <translation>Prüfung fehlgeschlagen (%1 von %2 erlaubten): %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 inconclusive checks in a row at %2%: %3</source>
        <translation>%1 nicht eindeutige Prüfungen in Folge bei %2%: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>inconclusive (%1 of %2): %3; holding at %4%</source>
        <translation>nicht eindeutig (%1 von %2): %3; bleibt bei %4%</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>check passed (%1 of %2): %3</source>
        <translation>Prüfung bestanden (%1 von %2): %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>check passed, holding at %1% while paused: %2</source>
        <translation>Prüfung bestanden, bleibt während der Pause bei %1%: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>check passed: %1</source>
        <translation>Prüfung bestanden: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Paused: holding before the next weight change</source>
        <translation>Pausiert: Halt vor der nächsten Gewichtsänderung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Finalizing: %1 serves 100% on %2; draining %3 for %4 s</source>
        <translation>Finalizing: %1 bedient 100% auf %2; %3 läuft %4 s lang aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Would drain %1 for %2 s, then remove it</source>
        <translation>Würde %1 %2 s lang auslaufen lassen und dann entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run complete: every read was real, nothing was written.</source>
        <translation>Probelauf abgeschlossen: Alle Lesezugriffe waren echt, geschrieben wurde nichts.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 serves 100% of %2 on %3</source>
        <translation>%1 bedient 100% von %2 auf %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; %2 (%3) is kept warm at weight 0 until %4 for a one-click rollback</source>
        <translation>%1; %2 (%3) wird bis %4 mit Gewicht 0 für ein Rollback mit einem Klick warm gehalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+139"/>
        <source>Removing %1</source>
        <translation>%1 wird entfernt</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>%1, but removing %2 failed: %3; the next rollout removes it, or remove it by hand</source>
        <translation>%1, aber das Entfernen von %2 ist fehlgeschlagen: %3; der nächste Rollout entfernt ihn, oder entfernen Sie ihn von Hand</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+139"/>
        <source>%1 was already gone</source>
        <translation>%1 war bereits entfernt</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>%1; %2 removed</source>
        <translation>%1; %2 entfernt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1; nothing had been changed</source>
        <translation>%1; es war noch nichts geändert worden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rolling back to %1 on %2: %3</source>
        <translation>Zurückrollen zu %1 auf %2: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writing weights %1 (attempt %2 of %3)</source>
        <translation>Gewichte %1 werden geschrieben (Versuch %2 von %3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (attempt %2 of %3); retrying in %4 s</source>
        <translation>%1 (Versuch %2 von %3); neuer Versuch in %4 s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rollback wrote weights %1 for %2 %3 times, but the router never showed them in force (%4). Traffic may still reach %5; last confirmed weights: %6. Check that Traefik runs, reads its provider and applies %1, then remove %5 by hand.</source>
        <translation>Das Zurückrollen hat die Gewichte %1 für %2 %3-mal geschrieben, aber der Router zeigte sie nie in Kraft (%4). Verkehr kann noch %5 erreichen; zuletzt bestätigte Gewichte: %6. Prüfen Sie, dass Traefik läuft, seinen Provider liest und %1 anwendet, und entfernen Sie dann %5 von Hand.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rollback could not restore the weights after %1 attempts (%2). Traffic may still reach %3; last confirmed weights: %4. Set the weights of %5 to %6 by hand, then remove %3.</source>
        <translation>Das Rollback konnte die Gewichte nach %1 Versuchen nicht wiederherstellen (%2). Traffic erreicht möglicherweise noch %3; zuletzt bestätigte Gewichte: %4. Setzen Sie die Gewichte von %5 von Hand auf %6 und entfernen Sie dann %3.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Scaling %1 to 0 (kept for debugging)</source>
        <translation>%1 wird auf 0 skaliert (für die Fehlersuche behalten)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Traffic is back 100% on %1 (%2), but removing %3 failed: %4. Remove %3 by hand.</source>
        <translation>Der Traffic liegt wieder zu 100% auf %1 (%2), aber das Entfernen von %3 ist fehlgeschlagen: %4. Entfernen Sie %3 von Hand.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1: no rollout is running</source>
        <translation>%1: Es läuft kein Rollout</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pause: the rollout is already paused</source>
        <translation>pause: Der Rollout ist bereits pausiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pause: a rollout cannot be paused in %1</source>
        <translation>pause: Ein Rollout kann in %1 nicht pausiert werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>resume: the rollout is not paused</source>
        <translation>resume: Der Rollout ist nicht pausiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: only possible while a step is observed; the rollout is in %2</source>
        <translation>%1: nur möglich, während ein Schritt beobachtet wird; der Rollout ist in %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>abort: the rollout is already rolling back</source>
        <translation>abort: Der Rollout wird bereits zurückgerollt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>abort: %1 already serves 100% and the old color is being removed; once finished, roll back with `optimist-cli rollback` while the old color is kept warm</source>
        <translation>abort: %1 bedient bereits 100 % und die alte Farbe wird entfernt; rollen Sie nach dem Abschluss mit `optimist-cli rollback` zurück, solange die alte Farbe warm gehalten wird</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>resumed by %1 after the step had passed</source>
        <translation>von %1 fortgesetzt, nachdem der Schritt bestanden war</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>promoted by %1</source>
        <translation>von %1 weitergeschaltet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>promoted fully to 100% by %1</source>
        <translation>von %1 direkt auf 100% weitergeschaltet</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>aborted by %1</source>
        <translation>von %1 abgebrochen</translation>
    </message>
</context>
<context>
    <name>optimist::RolloutPanel</name>
    <message>
        <location filename="../ui/rollout/RolloutPanel.cpp" line="+61"/>
        <source>Step timeline</source>
        <translation>Zeitleiste der Schritte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a step or a check to see its numbers and reasons</source>
        <translation>Wählen Sie einen Schritt oder eine Prüfung aus, um Zahlen und Gründe zu sehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check details</source>
        <translation>Prüfungsdetails</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pro&amp;mote</source>
        <translation>&amp;Weiterschalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift to the next step now, without waiting for the checks</source>
        <translation>Sofort zum nächsten Schritt wechseln, ohne auf die Prüfungen zu warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promote full&amp;y</source>
        <translation>Vollständig weiterschal&amp;ten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift all traffic to the new version now</source>
        <translation>Sofort den gesamten Traffic auf die neue Version verlagern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Abort</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back: all traffic to the old version, remove the new one</source>
        <translation>Zurückrollen: gesamter Traffic auf die alte Version, die neue wird entfernt</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No rollout</source>
        <translation>Kein Rollout</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current version</source>
        <translation>aktuelle Version</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 · step %2 of %3 at %4 %</source>
        <translation>%1 · Schritt %2 von %3 bei %4 %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · paused</source>
        <translation>%1 · pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · dry run</source>
        <translation>%1 · Probelauf</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on with the next steps</source>
        <translation>Mit den nächsten Schritten fortfahren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold at the current weights; checks go on</source>
        <translation>Bei den aktuellen Gewichten anhalten; die Prüfungen laufen weiter</translation>
    </message>
</context>
<context>
    <name>optimist::RolloutSession</name>
    <message>
        <location filename="../app/cli/RolloutSession.cpp" line="+41"/>
        <source>measuring check %1 at %2% until %3…</source>
        <translation>messe Prüfung %1 bei %2% bis %3…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the environment has no place for rollout leases; nothing was started</source>
        <translation>die Umgebung hat keinen Ort für Rollout-Sperren; nichts wurde gestartet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1. Nothing was started: a rollout never runs without its lease.</source>
        <translation>%1. Nichts wurde gestartet: ein Rollout läuft nie ohne seine Sperre.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Interrupted: rolling back (interrupt again to stop at once and leave the rollout to `optimist-cli resume` or `rollback`).</source>
        <translation>Unterbrochen: Es wird zurückgerollt (erneut unterbrechen, um sofort anzuhalten und den Rollout `optimist-cli resume` oder `rollback` zu überlassen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped. The rollout is unfinished; continue it with `optimist-cli resume %1` or roll it back with `optimist-cli rollback %1`.</source>
        <translation>Angehalten. Der Rollout ist nicht abgeschlossen; setzen Sie ihn mit `optimist-cli resume %1` fort oder rollen Sie ihn mit `optimist-cli rollback %1` zurück.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Lost the lease: %1. Stopped here: this process writes nothing more. Rollout #%2 stays unfinished in %3 at %4%; once the lease is free, continue it with `optimist-cli resume %2` or roll it back with `optimist-cli rollback %2`.</source>
        <translation>Sperre verloren: %1. Hier angehalten: dieser Prozess schreibt nichts mehr. Rollout #%2 bleibt in %3 bei %4% unvollendet; sobald die Sperre frei ist, setzen Sie ihn mit `optimist-cli resume %2` fort oder rollen ihn mit `optimist-cli rollback %2` zurück.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The lease could not be released (%1); it expires in %2 s.</source>
        <translation>Die Sperre konnte nicht freigegeben werden (%1); sie läuft in %2 s ab.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 by %2 applied</source>
        <translation>%1 durch %2 angewendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by %2 rejected: %3</source>
        <translation>%1 durch %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the rollout had already ended</source>
        <translation>der Rollout war bereits beendet</translation>
    </message>
</context>
<context>
    <name>optimist::SandboxEnvironment</name>
    <message>
        <location filename="../services/sandbox/SandboxEnvironment.cpp" line="+133"/>
        <source>task %1 exited with code 1: %2</source>
        <translation>Task %1 endete mit Code 1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (restarted once)</source>
        <translation>%1 (einmal neu gestartet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (restarted %2 times)</source>
        <translation>%1 (%2-mal neu gestartet)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>scaled to 0 replicas</source>
        <translation>auf 0 Replikas skaliert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 tasks starting; health check not passing yet</source>
        <translation>%1 von %2 Tasks starten; Health-Check noch nicht bestanden</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>the sandbox state has format %1; this version reads format %2</source>
        <translation>der Sandbox-Zustand hat Format %1; diese Version liest Format %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sandbox state belongs to scenario &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>der Sandbox-Zustand gehört zu Szenario „%1“, nicht „%2“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sandbox state has no valid savedAt/startedAt time</source>
        <translation>der Sandbox-Zustand hat keine gültige Zeit savedAt/startedAt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the clock (%1) is before the time the sandbox state was saved (%2); continue on a clock that starts at the saved time</source>
        <translation>die Uhr (%1) steht vor dem Zeitpunkt, zu dem der Sandbox-Zustand gespeichert wurde (%2); setzen Sie mit einer Uhr fort, die beim gespeicherten Zeitpunkt beginnt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sandbox state has no valid random generator state</source>
        <translation>der Sandbox-Zustand enthält keinen gültigen Zustand des Zufallsgenerators</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the sandbox state has an unreadable service entry</source>
        <translation>der Sandbox-Zustand enthält einen unlesbaren Service-Eintrag</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the sandbox state has an unreadable weight entry</source>
        <translation>der Sandbox-Zustand enthält einen unlesbaren Gewichtseintrag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sandbox state has no weights</source>
        <translation>der Sandbox-Zustand enthält keine Gewichte</translation>
    </message>
</context>
<context>
    <name>optimist::ScreenshotTour</name>
    <message>
        <location filename="../app/screenshots/ScreenshotTour.cpp" line="+54"/>
        <source>cannot create the folders</source>
        <translation>die Ordner können nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the sandbox (regression-at-50)</source>
        <translation>die Sandbox (regression-at-50)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+39"/>
        <source>the New rollout dialog</source>
        <translation>der Dialog „Neuer Rollout“</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>the rollback</source>
        <translation>das Zurückrollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the history row</source>
        <translation>die Zeile im Verlauf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the post-mortem</source>
        <translation>die Post-mortem-Ansicht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the post-mortem drawn</source>
        <translation>die gezeichnete Post-mortem-Ansicht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sandbox (healthy)</source>
        <translation>die Sandbox (healthy)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the third step</source>
        <translation>der dritte Schritt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the main window drawn</source>
        <translation>das gezeichnete Hauptfenster</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the settings dialog</source>
        <translation>der Einstellungsdialog</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the settings drawn</source>
        <translation>die gezeichneten Einstellungen</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1 did not come within %2 s (%3)</source>
        <translation>%1 kam nicht innerhalb von %2 s (%3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no application is open</source>
        <translation>keine Anwendung ist geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rollout is starting</source>
        <translation>der Rollout startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no rollout has started</source>
        <translation>kein Rollout hat begonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rollout #%1 of %2 to %3 is %4 in %5 at step %6, weights %7</source>
        <translation>Rollout #%1 von %2 auf %3 ist %4 in %5 bei Schritt %6, Gewichte %7</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>optimist::ServicesSettingsBackend</name>
    <message>
        <location filename="../app/gui/ServicesSettingsBackend.cpp" line="+176"/>
        <source>name: `%1` is not a valid environment name; use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>name: `%1` ist kein gültiger Umgebungsname; erlaubt sind Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, am Anfang ein Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 already exists: another environment is stored there. Choose another name.</source>
        <translation>%1 existiert bereits: Dort ist eine andere Umgebung gespeichert. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>name: the environment `%1` is already defined in %2; names must be unique. Choose another name.</source>
        <translation>name: Die Umgebung `%1` ist bereits in %2 definiert; Namen müssen eindeutig sein. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The profile cannot be checked: no temporary folder (%1).</source>
        <translation>Das Profil kann nicht geprüft werden: kein temporärer Ordner (%1).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 cannot be removed: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The test did not finish within %n second(s): the server accepts connections but does not answer. Check that the address is the right service.</source>
        <translation>
            <numerusform>Der Test wurde nicht innerhalb von %n Sekunde abgeschlossen: Der Server nimmt Verbindungen an, antwortet aber nicht. Prüfen Sie, ob die Adresse zum richtigen Dienst gehört.</numerusform>
            <numerusform>Der Test wurde nicht innerhalb von %n Sekunden abgeschlossen: Der Server nimmt Verbindungen an, antwortet aber nicht. Prüfen Sie, ob die Adresse zum richtigen Dienst gehört.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated by Optimist&apos;s sandbox: nothing to connect to.</source>
        <translation>Von der Sandbox von Optimist simuliert: Es gibt nichts, womit eine Verbindung hergestellt werden könnte.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The secret %1 could not be read for the test: %2</source>
        <translation>Das Geheimnis %1 konnte für den Test nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Give either an endpoint or a Docker context, not both.</source>
        <translation>Geben Sie entweder einen Endpunkt oder einen Docker-Kontext an, nicht beides.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Docker endpoint cannot be used: %1</source>
        <translation>Der Docker-Endpunkt kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No Docker daemon at %1 (from %2): the socket does not exist. Start dockerd there, or choose another endpoint or Docker context.</source>
        <translation>Kein Docker-Daemon unter %1 (Quelle: %2): Der Socket existiert nicht. Starten Sie dort dockerd oder wählen Sie einen anderen Endpunkt oder Docker-Kontext.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No Docker daemon answers at %1. %2</source>
        <translation>Unter %1 antwortet kein Docker-Daemon. %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Docker %1 at %2 answers, but it is not part of a Swarm (state: %3). Run `docker swarm init` there, or choose a Swarm manager&apos;s endpoint.</source>
        <translation>Docker %1 unter %2 antwortet, gehört aber zu keinem Swarm (Zustand: %3). Führen Sie dort `docker swarm init` aus oder wählen Sie den Endpunkt eines Swarm-Managers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Docker %1 at %2 is a Swarm worker; Optimist needs a manager. Choose a manager node&apos;s endpoint.</source>
        <translation>Docker %1 unter %2 ist ein Swarm-Worker; Optimist braucht einen Manager. Wählen Sie den Endpunkt eines Manager-Nodes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Docker %1 (API %2) at %3, a Swarm manager.</source>
        <translation>Docker %1 (API %2) unter %3, ein Swarm-Manager.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Traefik&apos;s API URL is empty: give it, e.g. http://127.0.0.1:8080.</source>
        <translation>Die API-URL von Traefik ist leer: Geben Sie sie an, z. B. http://127.0.0.1:8080.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Traefik&apos;s API at %1 reports version %2, but the environment says Traefik %3: set the Traefik version to %4, or let Optimist detect it.</source>
        <translation>Die API von Traefik unter %1 meldet Version %2, die Umgebung gibt aber Traefik %3 an: Setzen Sie die Traefik-Version auf %4 oder lassen Sie Optimist sie erkennen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Traefik %1 at %2.</source>
        <translation>Traefik %1 unter %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The Redis address is empty: give the host:port of the Redis Traefik reads, e.g. 127.0.0.1:6379.</source>
        <translation>Die Redis-Adresse ist leer: Geben Sie host:port des Redis an, den Traefik liest, z. B. 127.0.0.1:6379.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 answers; the login was accepted.</source>
        <translation>%1 antwortet; die Anmeldung wurde angenommen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 answers (no password).</source>
        <translation>%1 antwortet (ohne Passwort).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The folder Traefik&apos;s file provider watches is empty: give it.</source>
        <translation>Der Ordner, den der File-Provider von Traefik überwacht, ist nicht angegeben: Geben Sie ihn an.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The folder %1 does not exist: create it and point Traefik&apos;s file provider at it, or choose the folder Traefik watches.</source>
        <translation>Der Ordner %1 existiert nicht: Legen Sie ihn an und richten Sie den File-Provider von Traefik darauf aus, oder wählen Sie den Ordner, den Traefik überwacht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Optimist cannot write in %1 (%2): it writes the weights there for Traefik&apos;s file provider. Give this user write access to the folder.</source>
        <translation>Optimist kann nicht in %1 schreiben (%2): Dort schreibt es die Gewichte für den File-Provider von Traefik. Geben Sie diesem Benutzer Schreibzugriff auf den Ordner.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not writable: give this user write access to it.</source>
        <translation>%1 ist nicht beschreibbar: Geben Sie diesem Benutzer Schreibzugriff darauf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 can be written (Traefik: providers.file.filename).</source>
        <translation>%1 ist beschreibbar (Traefik: providers.file.filename).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder %1 is writable (Traefik: providers.file.directory).</source>
        <translation>Der Ordner %1 ist beschreibbar (Traefik: providers.file.directory).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The metrics URL is empty: give Traefik&apos;s metrics endpoint, e.g. http://127.0.0.1:8082/metrics.</source>
        <translation>Die Metrik-URL ist leer: Geben Sie den Metrik-Endpunkt von Traefik an, z. B. http://127.0.0.1:8082/metrics.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Traefik&apos;s metrics at %1 answer.</source>
        <translation>Die Metriken von Traefik unter %1 antworten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The Prometheus URL is empty: give it, e.g. http://127.0.0.1:9090.</source>
        <translation>Die Prometheus-URL ist leer: Geben Sie sie an, z. B. http://127.0.0.1:9090.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Prometheus at %1 answers, but holds no traefik_service_requests_total yet: make it scrape Traefik&apos;s /metrics.</source>
        <translation>Prometheus unter %1 antwortet, enthält aber noch kein traefik_service_requests_total: Lassen Sie es die /metrics von Traefik abrufen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prometheus at %1 answers and holds Traefik&apos;s metrics.</source>
        <translation>Prometheus unter %1 antwortet und enthält die Metriken von Traefik.</translation>
    </message>
</context>
<context>
    <name>optimist::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="+84"/>
        <source>Settings — Environments</source>
        <translation>Einstellungen — Umgebungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Docker</source>
        <translation>&amp;Docker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traefik</source>
        <translation>&amp;Traefik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Applications</source>
        <translation>&amp;Anwendungen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate</source>
        <translation>Dupli&amp;zieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Docker Swarm</source>
        <translation>Docker Swarm</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <location line="+75"/>
        <source>Sandbox (simulated)</source>
        <translation>Sandbox (simuliert)</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>healthy, or the path of a scenario file</source>
        <translation>healthy oder der Pfad einer Szenariodatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario:</source>
        <translation>Szenario:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docker context</source>
        <translation>Docker-Kontext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the docker CLI (DOCKER_HOST, current context)</source>
        <translation>Wie die docker-CLI (DOCKER_HOST, aktueller Kontext)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect by:</source>
        <translation>Verbinden über:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unix:///var/run/docker.sock or tcp://host:2376</source>
        <translation>unix:///var/run/docker.sock oder tcp://host:2376</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import docker context…</source>
        <translation>Docker-Kontext &amp;importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the endpoint and TLS files of a context of the docker CLI (~/.docker/contexts)</source>
        <translation>Endpunkt und TLS-Dateien eines Kontexts der docker-CLI übernehmen (~/.docker/contexts)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As DOCKER_TLS_VERIFY says</source>
        <translation>Gemäß DOCKER_TLS_VERIFY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS, verify the daemon&apos;s certificate</source>
        <translation>TLS, Zertifikat des Daemons prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>folder with ca.pem, cert.pem and key.pem</source>
        <translation>Ordner mit ca.pem, cert.pem und key.pem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS certificates:</source>
        <translation>TLS-Zertifikate:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Traefik, Redis provider</source>
        <translation>Traefik, Redis-Provider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traefik, file provider</source>
        <translation>Traefik, File-Provider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Router:</source>
        <translation>Router:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>API URL:</source>
        <translation>API-URL:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detect</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traefik 2</source>
        <translation>Traefik 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traefik 3</source>
        <translation>Traefik 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>web, websecure</source>
        <translation>web, websecure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry points:</source>
        <translation>Entrypoints:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API user:</source>
        <translation>API-Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API password:</source>
        <translation>API-Passwort:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Redis address:</source>
        <translation>Redis-Adresse:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redis database:</source>
        <translation>Redis-Datenbank:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Root key:</source>
        <translation>Wurzelschlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the default user</source>
        <translation>der Standardbenutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis user:</source>
        <translation>Redis-Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis password:</source>
        <translation>Redis-Passwort:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the folder Traefik&apos;s file provider watches</source>
        <translation>der Ordner, den der File-Provider von Traefik überwacht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watched folder:</source>
        <translation>Überwachter Ordner:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Traefik&apos;s /metrics</source>
        <translation>/metrics von Traefik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token:</source>
        <translation>Bearer-Token:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add application</source>
        <translation>Anwendung hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove application</source>
        <translation>Anwendung entfernen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The environments in %1 cannot all be read:
%2</source>
        <translation>Nicht alle Umgebungen in %1 können gelesen werden:
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Environments are stored in %1.</source>
        <translation>Umgebungen werden in %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>not set; stored in the keychain when given</source>
        <translation>nicht gesetzt; wird bei Eingabe im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored in the keychain (unchanged)</source>
        <translation>im Schlüsselbund gespeichert (unverändert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored only in the keychain; the profile gets a reference to it</source>
        <translation>Wird nur im Schlüsselbund gespeichert; das Profil erhält einen Verweis darauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept in the keychain as %1; type a new one to replace it</source>
        <translation>Im Schlüsselbund als %1 hinterlegt; geben Sie einen neuen Wert ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>File provider</source>
        <translation>File-Provider</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redis provider</source>
        <translation>Redis-Provider</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Remove environment</source>
        <translation>Umgebung entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the environment %1? It was never saved.</source>
        <translation>Die Umgebung %1 entfernen? Sie wurde nie gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the environment %1 and delete %2? Its secrets stay in the keychain.</source>
        <translation>Die Umgebung %1 entfernen und %2 löschen? Ihre Geheimnisse bleiben im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Removed the environment %1.</source>
        <translation>Die Umgebung %1 wurde entfernt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The docker CLI has no contexts (docker context ls); give the endpoint instead.</source>
        <translation>Die docker-CLI hat keine Kontexte (docker context ls); geben Sie stattdessen den Endpunkt an.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import docker context</source>
        <translation>Docker-Kontext importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context whose endpoint and TLS files to use:</source>
        <translation>Kontext, dessen Endpunkt und TLS-Dateien verwendet werden sollen:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Imported the docker context %1; save to keep it.</source>
        <translation>Docker-Kontext %1 importiert; speichern Sie, um ihn zu behalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not saved; nothing was stored:
%1</source>
        <translation>Nicht gespeichert; es wurde nichts abgelegt:
%1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Storing %n secret(s) in the keychain…</source>
        <translation>
            <numerusform>%n Geheimnis wird im Schlüsselbund gespeichert…</numerusform>
            <numerusform>%n Geheimnisse werden im Schlüsselbund gespeichert…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No keychain is available, so nothing was saved: neither the secret nor the profile that would refer to it. %1</source>
        <translation>Kein Schlüsselbund verfügbar, daher wurde nichts gespeichert: weder das Geheimnis noch das Profil, das darauf verweisen würde. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain did not store the secret, so the profile was not saved: %1</source>
        <translation>Der Schlüsselbund hat das Geheimnis nicht gespeichert, daher wurde das Profil nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not saved:
%1</source>
        <translation>Nicht gespeichert:
%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved %1 to %2.</source>
        <translation>%1 in %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>optimist::SplitBar</name>
    <message>
        <location filename="../ui/rollout/SplitBar.cpp" line="+28"/>
        <source>Traffic split</source>
        <translation>Traffic-Aufteilung</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+2"/>
        <source>%1 %2 %</source>
        <comment>color and weight</comment>
        <translation>%1 %2 %</translation>
    </message>
</context>
<context>
    <name>optimist::StepTimelineModel</name>
    <message>
        <location filename="../models/rollout/StepTimelineModel.cpp" line="+31"/>
        <source>—</source>
        <comment>no value</comment>
        <translation>—</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+415"/>
        <location line="+8"/>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="-416"/>
        <location line="+404"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>%1 vs %2</source>
        <comment>canary vs baseline</comment>
        <translation>%1 vs. %2</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bio-energy</source>
        <translation>Bio-Energie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean latency</source>
        <translation>Mittlere Latenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Canary vs baseline in the same check window</source>
        <translation>Canary vs. baseline im selben Prüffenster</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shifting</source>
        <translation>Verlagerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Observing</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Check %1</source>
        <translation>Prüfung %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Check %1 at %2: running until %3</source>
        <translation>Prüfung %1 bei %2: läuft bis %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check %1 at %2: %3</source>
        <translation>Prüfung %1 bei %2: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Canary (%1) vs baseline (%2):</source>
        <translation>Canary (%1) vs. baseline (%2):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Bio-energy: %1 (threshold %2)</source>
        <translation>  Bio-Energie: %1 (Schwelle %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1: %2 (limit %3)</source>
        <translation>  %1: %2 (Limit %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Error rate: %1 (limit %2); %3 of %4 vs %5 of %6 requests</source>
        <translation>  Fehlerquote: %1 (Limit %2); %3 von %4 vs. %5 von %6 Anfragen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  Requests/s: %1</source>
        <translation>  Anfragen/s: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  CPU: %1 (limit %2)</source>
        <translation>  CPU: %1 (Limit %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 not compared: %2</source>
        <translation>%1 nicht verglichen: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2, %3%4</source>
        <translation>%1: %2, %3%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (significantly worse)</source>
        <translation> (signifikant schlechter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error rate against the baseline</source>
        <translation>Fehlerquote im Vergleich zur baseline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency against the baseline</source>
        <translation>Latenz im Vergleich zur baseline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window: %1 – %2</source>
        <translation>Fenster: %1 – %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step %1 of %2: %3 to the new version — %4</source>
        <translation>Schritt %1 von %2: %3 auf die neue Version — %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Started %1</source>
        <translation>Gestartet am %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checks: %1 passed, %2 inconclusive, %3 failed</source>
        <translation>Prüfungen: %1 bestanden, %2 nicht eindeutig, %3 nicht bestanden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision: %1</source>
        <translation>Entscheidung: %1</translation>
    </message>
</context>
<context>
    <name>optimist::TraefikApiClient</name>
    <message>
        <location filename="../services/traefik/TraefikApiClient.cpp" line="+20"/>
        <source>Traefik&apos;s API</source>
        <translation>Traefiks API</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Traefik&apos;s API address &quot;%1&quot; is not a URL such as http://127.0.0.1:8080</source>
        <translation>Die API-Adresse von Traefik „%1“ ist keine URL wie http://127.0.0.1:8080</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Traefik&apos;s API at %1 refused the credentials (HTTP %2) of user &quot;%3&quot;; check the API user and the password stored in the keychain</source>
        <translation>Die API von Traefik unter %1 hat die Zugangsdaten (HTTP %2) des Benutzers „%3“ abgelehnt; prüfen Sie den API-Benutzer und das im Schlüsselbund gespeicherte Passwort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Traefik&apos;s API has nothing at %1 (HTTP 404)</source>
        <translation>Die API von Traefik hat unter %1 nichts (HTTP 404)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traefik&apos;s API at %1 answered HTTP %2 %3</source>
        <translation>Die API von Traefik unter %1 antwortete mit HTTP %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Traefik&apos;s API at %1 did not answer within %2 s</source>
        <translation>Die API von Traefik unter %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot reach Traefik&apos;s API at %1: %2; check apiUrl and that Traefik runs with its API enabled</source>
        <translation>Die API von Traefik unter %1 ist nicht erreichbar: %2; prüfen Sie apiUrl und ob Traefik mit aktivierter API läuft</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Traefik&apos;s API at %1 reports version %2; Optimist works with Traefik v2 and v3</source>
        <translation>Die API von Traefik unter %1 meldet Version %2; Optimist arbeitet mit Traefik v2 und v3</translation>
    </message>
</context>
<context>
    <name>optimist::TraefikFileWriter</name>
    <message>
        <location filename="../services/traefik/TraefikFileWriter.cpp" line="+66"/>
        <source>%1 is not valid YAML (%2); fix or remove it</source>
        <translation>%1 ist kein gültiges YAML (%2); korrigieren oder entfernen Sie die Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a Traefik dynamic configuration (expected a map with &quot;http&quot;)</source>
        <translation>%1 ist keine dynamische Traefik-Konfiguration (erwartet: eine Map mit &quot;http&quot;)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cannot write YAML for %1: %2</source>
        <translation>YAML für %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not valid YAML (%2)</source>
        <translation>%1 ist kein gültiges YAML (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 defines no weighted service %2</source>
        <translation>%1 definiert keinen gewichteten Service %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In %1, weighted.services of %2 is not a list</source>
        <translation>In %1 ist weighted.services von %2 keine Liste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In %1, a child of %2 has no name</source>
        <translation>In %1 hat ein Kind-Service von %2 keinen Namen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In %1, the weight of %2 is not a whole number</source>
        <translation>In %1 ist das Gewicht von %2 keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a Traefik dynamic configuration (%2)</source>
        <translation>%1 ist keine dynamische Traefik-Konfiguration (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot create a file in %1 for Traefik&apos;s configuration: %2; Optimist needs write access to the directory Traefik watches</source>
        <translation>In %1 kann keine Datei für die Konfiguration von Traefik angelegt werden: %2; Optimist braucht Schreibzugriff auf das Verzeichnis, das Traefik überwacht</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+21"/>
        <source>Cannot write %1 (%2: %3); the previous file is unchanged</source>
        <translation>%1 kann nicht geschrieben werden (%2: %3); die bisherige Datei ist unverändert</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>setting permissions</source>
        <translation>Setzen der Berechtigungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>syncing</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>closing</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot replace %1: %2; the previous file is unchanged</source>
        <translation>%1 kann nicht ersetzt werden: %2; die bisherige Datei ist unverändert</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>weights %1 do not add up to 100%</source>
        <translation>die Gewichte %1 ergeben zusammen nicht 100%</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+32"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The directory %1 for Traefik&apos;s file provider does not exist; check router.path</source>
        <translation>Das Verzeichnis %1 für den File-Provider von Traefik existiert nicht; prüfen Sie router.path</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>would write %1:
%2</source>
        <translation>würde %1 schreiben:
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wrote %1:
%2</source>
        <translation>%1 geschrieben:
%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Traefik&apos;s file provider has no file %1 for %2; Optimist writes it on the first rollout, or check router.path</source>
        <translation>Der File-Provider von Traefik hat keine Datei %1 für %2; Optimist schreibt sie beim ersten Rollout, oder prüfen Sie router.path</translation>
    </message>
</context>
<context>
    <name>optimist::TraefikKvWriter</name>
    <message>
        <location filename="../services/traefik/TraefikKvWriter.cpp" line="+101"/>
        <source>delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 answered MGET with %2 values for %3 keys</source>
        <translation>%1 beantwortete MGET mit %2 Werten für %3 Schlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 holds no weighted service %2 under the root key &quot;%3&quot; (no key %4); Optimist writes it on the first rollout, or check router.rootKey</source>
        <translation>%1 enthält keinen gewichteten Service %2 unter dem Wurzelschlüssel „%3“ (kein Schlüssel %4); Optimist schreibt ihn beim ersten Rollout, oder prüfen Sie router.rootKey</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has %2 but no %3; the weighted service is incomplete</source>
        <translation>%1 hat %2, aber kein %3; der gewichtete Service ist unvollständig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds &quot;%2&quot; in %3, which is not a weight (a whole number from 0)</source>
        <translation>%1 enthält „%2“ in %3, was kein Gewicht ist (eine ganze Zahl ab 0)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (weighted service %2 under &quot;%3&quot;)</source>
        <translation>%1 (gewichteter Service %2 unter „%3“)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>weights %1 do not add up to 100%</source>
        <translation>die Gewichte %1 ergeben zusammen nicht 100%</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1, root key &quot;%2&quot;</source>
        <translation>%1, Wurzelschlüssel „%2“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>would set in %1, in one transaction:
%2</source>
        <translation>würde in %1 in einer Transaktion setzen:
%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>set in %1, in one transaction:
%2</source>
        <translation>in %1 in einer Transaktion gesetzt:
%2</translation>
    </message>
</context>
<context>
    <name>optimist::TraefikRouter</name>
    <message>
        <location filename="../services/traefik/TraefikRouter.cpp" line="+73"/>
        <source>Cannot tell which Traefik version runs, so not which names its Swarm services have: %1; or set router.traefikVersion</source>
        <translation>Es lässt sich nicht feststellen, welche Traefik-Version läuft, und damit nicht, welche Namen ihre Swarm-Services haben: %1; oder setzen Sie router.traefikVersion</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Traefik does not know %1 yet</source>
        <translation>Traefik kennt %1 noch nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traefik shows no server of %1 UP yet</source>
        <translation>Traefik zeigt noch keinen Server von %1 als UP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 after %2 s; nothing was written (users would get 503 from a color without servers). Is the Swarm service running with its Traefik labels?</source>
        <translation>%1 nach %2 s; es wurde nichts geschrieben (Benutzer würden von einer Farbe ohne Server 503 erhalten). Läuft der Swarm-Service mit seinen Traefik-Labels?</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Traefik did not put the weights of %1 in force within %2 s: %3</source>
        <translation>Traefik hat die Gewichte von %1 nicht innerhalb von %2 s wirksam gemacht: %3</translation>
    </message>
</context>
<context>
    <name>optimist::TraefikScrapeMetrics</name>
    <message>
        <location filename="../services/metrics/TraefikScrapeMetrics.cpp" line="+50"/>
        <source>Traefik&apos;s metrics</source>
        <translation>Traefiks Metriken</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Traefik&apos;s metrics at %1 did not answer within %2 ms; check that Traefik runs and the metrics URL of the environment</source>
        <translation>Die Metriken von Traefik unter %1 haben nicht innerhalb von %2 ms geantwortet; prüfen Sie, ob Traefik läuft, und die Metrik-URL der Umgebung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot reach Traefik&apos;s metrics at %1 (%2); check that Traefik runs and the metrics URL of the environment</source>
        <translation>die Metriken von Traefik unter %1 sind nicht erreichbar (%2); prüfen Sie, ob Traefik läuft, und die Metrik-URL der Umgebung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Traefik&apos;s metrics at %1 answered HTTP %2 instead of 200; check the metrics URL and that Traefik has metrics.prometheus enabled</source>
        <translation>Die Metriken von Traefik unter %1 antworteten mit HTTP %2 statt 200; prüfen Sie die Metrik-URL und ob bei Traefik metrics.prometheus aktiviert ist</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Traefik&apos;s metrics at %1 are not valid Prometheus text: %2</source>
        <translation>Die Metriken von Traefik unter %1 sind kein gültiger Prometheus-Text: %2</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>the metrics window %1 – %2 is not a time span</source>
        <translation>das Metrikfenster %1 – %2 ist keine Zeitspanne</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>no scrape of Traefik&apos;s metrics succeeded between %1 and %2; the last attempt failed: %3</source>
        <translation>zwischen %1 und %2 ist kein Abruf der Metriken von Traefik gelungen; der letzte Versuch schlug fehl: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the scrapes of %1 do not cover the window %2 – %3 (%4 scrapes buffered); both colors are reported without data</source>
        <translation>die Abrufe von %1 decken das Fenster %2 – %3 nicht ab (%4 Abrufe gepuffert); beide Farben werden ohne Daten gemeldet</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1: no traefik_service_requests_total series in the scrapes of %2; the color is reported without data</source>
        <translation>%1: keine Zeitreihe traefik_service_requests_total in den Abrufen von %2; die Farbe wird ohne Daten gemeldet</translation>
    </message>
</context>
</TS>
