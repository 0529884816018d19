/* sb-cli-certificates.c: stdbase-cli certificate, certificates and verify
 *
 *   certificate ID --output FILE [--issue | --reissue REASON]
 *   certificates --all (--output-dir DIR | --output FILE) [--issue]
 *   verify FILE
 *
 * Writing a certificate never issues one unless asked: issuing is an act
 * of the authority, recorded with its date (--today) and who did it
 * (--actor).  verify exits 0 for a genuine certificate in force, 3 for a
 * void one, 4 for a revoked one, 5 for a forged or altered one, and 1 when
 * the file is not a readable certificate.
 */
#define G_LOG_DOMAIN "stdbase-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "sb-certificate-render.h"
#include "sb-certificate.h"
#include "sb-cli-certificates.h"
#include "sb-cli-output.h"

#define EXIT_INVALID SB_CLI_EXIT_INVALID
#define EXIT_USAGE   SB_CLI_EXIT_USAGE

static char *output_path;
static char *output_dir;
static gboolean issue_missing;
static char *reissue_reason;
static gboolean all_bases;
static char *actor;

GOptionEntry sb_cli_certificate_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write the certificate to this PDF file"), N_("FILE") },
  { "issue", 0, 0, G_OPTION_ARG_NONE, &issue_missing, N_("Issue the certificate first if the base holds none"), NULL },
  { "reissue", 0, 0, G_OPTION_ARG_STRING, &reissue_reason, N_("Reissue it under a new number, for this reason; the old number becomes void"), N_("REASON") },
  { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, N_("Who issues it, for the record"), N_("NAME") },
  { NULL }
};

GOptionEntry sb_cli_certificates_entries[] = {
  { "all", 0, 0, G_OPTION_ARG_NONE, &all_bases, N_("Every certificate in force"), NULL },
  { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir, N_("Write one PDF file per certificate into this folder, named by number"), N_("DIR") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write them all as the pages of one PDF file, for printing"), N_("FILE") },
  { "issue", 0, 0, G_OPTION_ARG_NONE, &issue_missing, N_("Also issue certificates to established bases that hold none"), NULL },
  { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, N_("Who issues them, for the record"), N_("NAME") },
  { NULL }
};

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;

  *id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *id > 0;
}

/* certificate */

int
sb_cli_run_certificate (const SbCliHooks  *hooks,
                        int                argc,
                        char             **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(SbCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  SbDatabase *database;
  GDate today;
  gint64 id;

  if (argc != 2 || output_path == NULL)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli certificate ID --output FILE"));
  if (issue_missing && reissue_reason != NULL)
    return sb_cli_fail (EXIT_USAGE, _("--issue and --reissue cannot be given together"));
  if (!parse_id (argv[1], &id))
    return sb_cli_fail (EXIT_INVALID, _("“%s” is not a base number"), argv[1]);
  if (!hooks->get_today (&today, &error))
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);

  programme = hooks->open_programme (&error);
  if (programme == NULL)
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);
  database = sb_programme_get_database (programme);

  if (reissue_reason != NULL)
    certificate = sb_certificate_store_reissue (database, id, reissue_reason, &today, actor, &error);
  else
    {
      certificate = sb_certificate_store_get_current (database, id, &error);
      if (error == NULL && issue_missing
          && (certificate == NULL || certificate->state == SB_CERTIFICATE_STATE_VOID))
        {
          g_clear_pointer (&certificate, sb_certificate_free);
          certificate = sb_certificate_store_issue (database, id, &today, actor, &error);
        }
      else if (error == NULL && certificate == NULL)
        return sb_cli_fail (EXIT_INVALID, _("Base %lld holds no certificate; "
                                     "give --issue to issue one"), (long long) id);
    }
  if (certificate == NULL)
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);

  if (!sb_certificate_write_pdf (certificate, output_path, &error))
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);

  g_print ("%s\t%s\t%s\n", certificate->number,
           sb_certificate_state_to_string (certificate->state), output_path);
  return EXIT_SUCCESS;
}

/* certificates */

int
sb_cli_run_certificates (const SbCliHooks  *hooks,
                         int                argc,
                         char             **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;
  SbDatabase *database;
  GDate today;
  int issued = 0;

  if (argc != 1 || !all_bases || (output_dir == NULL && output_path == NULL))
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli certificates --all --output-dir DIR | --output FILE"));
  if (!hooks->get_today (&today, &error))
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);
  if (output_dir != NULL && g_mkdir_with_parents (output_dir, 0755) != 0)
    return sb_cli_fail (EXIT_INVALID, _("Could not create the folder %s: %s"), output_dir,
                 g_strerror (errno));

  programme = hooks->open_programme (&error);
  if (programme == NULL)
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);
  database = sb_programme_get_database (programme);

  if (issue_missing)
    {
      g_autoptr(GPtrArray) listings = sb_certificate_store_list (database, &error);

      /* One transaction for the batch: all are issued, or none. */
      if (listings == NULL || !sb_database_begin (database, &error))
        return sb_cli_fail (EXIT_INVALID, "%s", error->message);
      for (guint i = 0; i < listings->len; i++)
        {
          SbCertificateListing *listing = g_ptr_array_index (listings, i);
          g_autoptr(SbCertificate) certificate = NULL;

          if (g_strcmp0 (listing->base_state, "revoked") == 0
              || (listing->certificate != NULL
                  && listing->certificate->state != SB_CERTIFICATE_STATE_VOID))
            continue;
          certificate = sb_certificate_store_issue (database, listing->base_id, &today, actor, &error);
          if (certificate == NULL)
            {
              sb_database_rollback (database);
              return sb_cli_fail (EXIT_INVALID, "%s", error->message);
            }
          issued++;
        }
      if (!sb_database_commit (database, &error))
        return sb_cli_fail (EXIT_INVALID, "%s", error->message);
    }

  certificates = sb_certificate_store_list_live (database, &error);
  if (certificates == NULL)
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);

  if (output_dir != NULL)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < certificates->len; i++)
        {
          SbCertificate *certificate = g_ptr_array_index (certificates, i);
          g_autofree char *name = g_strconcat (certificate->number, ".pdf", NULL);

          g_ptr_array_add (paths, g_build_filename (output_dir, name, NULL));
        }
      g_ptr_array_add (paths, NULL);

      if (!sb_certificate_write_pdfs (certificates, (const char * const *) paths->pdata, &error))
        return sb_cli_fail (EXIT_INVALID, "%s", error->message);
      for (guint i = 0; i < certificates->len; i++)
        {
          SbCertificate *certificate = g_ptr_array_index (certificates, i);

          g_print ("%s\t%" G_GINT64_FORMAT "\t%s\n", certificate->number, certificate->base_id,
                   (const char *) g_ptr_array_index (paths, i));
        }
    }

  if (output_path != NULL)
    {
      if (certificates->len == 0)
        return sb_cli_fail (EXIT_INVALID, _("No certificate is in force: there is nothing to write"));
      if (!sb_certificate_write_pdf_batch (certificates, output_path, &error))
        return sb_cli_fail (EXIT_INVALID, "%s", error->message);
      if (output_dir == NULL)
        for (guint i = 0; i < certificates->len; i++)
          {
            SbCertificate *certificate = g_ptr_array_index (certificates, i);

            g_print ("%s\t%" G_GINT64_FORMAT "\t%s\n", certificate->number, certificate->base_id,
                     output_path);
          }
    }

  if (issued > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Issued %d new certificate\n",
                             "Issued %d new certificates\n", issued), issued);
  return EXIT_SUCCESS;
}

/* verify */

int
sb_cli_run_verify (const SbCliHooks  *hooks,
                   int                argc,
                   char             **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(SbVerification) verification = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli verify FILE"));

  programme = hooks->open_programme (&error);
  if (programme == NULL)
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);

  verification = sb_certificate_verify_file (sb_programme_get_database (programme), argv[1], &error);
  if (verification == NULL)
    return sb_cli_fail (EXIT_INVALID, "%s", error->message);

  switch (verification->status)
    {
    case SB_VERIFICATION_VALID:
      g_print ("valid\t%s\t%s\n", verification->number, verification->explanation);
      return EXIT_SUCCESS;
    case SB_VERIFICATION_VOID:
      g_print ("void\t%s\t%s\n", verification->number, verification->explanation);
      return SB_CLI_EXIT_VOID;
    case SB_VERIFICATION_REVOKED:
      g_print ("revoked\t%s\t%s\n", verification->number, verification->explanation);
      return SB_CLI_EXIT_REVOKED;
    case SB_VERIFICATION_FORGED:
    default:
      g_print ("forged\t%s\t%s\n", verification->number, verification->explanation);
      return SB_CLI_EXIT_FORGED;
    }
}
