; Inno Setup 6 script: the Windows installer of TIT Desktop. Saved as UTF-8 with a BOM,
; which Inno Setup needs to read the accented Italian texts.
;
; On a Windows PC, from the repository root (see README.md, "Installer for Windows"):
;   pyinstaller --noconfirm packaging\tit-desktop.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\tit-desktop.iss
; gives dist\tit-desktop-VERSION-setup.exe.
;
; The installer copies the one-folder bundle (dist\tit-desktop) and adds a Start menu entry.
; It needs no administrator rights (it installs for the current user unless the user chooses
; all users). The data is never in the installation folder: the application keeps the
; database, backups, settings and log under %LOCALAPPDATA%\tit-desktop, which neither an
; update nor the uninstaller touches, so uninstalling keeps the data.

#define AppName "TIT Desktop"
#define AppExe "tit-desktop.exe"
#define BundleDir AddBackslash(SourcePath) + "..\dist\tit-desktop"
; The version written into tit-desktop.exe by the PyInstaller spec (tit_desktop.__version__).
#define AppVersion GetVersionNumbersString(BundleDir + "\" + AppExe)

[Setup]
; The AppId identifies the application for updates and uninstall: never change it.
AppId={{6B0E3E8A-4C1D-4E63-9A55-2F7C1D9B8E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Comune di Ancona
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} - programma di installazione
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=tit-desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\tit-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Close a running TIT Desktop before replacing its files (an update).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"

[Tasks]
Name: "desktopicon"; Description: "Crea un'icona sul desktop"; GroupDescription: "Icone aggiuntive:"; Flags: unchecked

[Files]
; The whole bundle; an update replaces it. No file of the user's data is listed here, so
; the uninstaller never removes it.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update starts from a clean program folder (libraries of the old version would linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Gestione del programma TIU"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Avvia {#AppName}"; Flags: nowait postinstall skipifsilent

[Messages]
italian.FinishedLabel=L'installazione di [name] è terminata. I dati restano nella cartella AppData\Local\tit-desktop dell'utente, anche se il programma viene disinstallato.
