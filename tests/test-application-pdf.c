/* test-application-pdf.c: the 申报书 PDF, read back with Poppler */

#include "config.h"

#include <locale.h>
#include <poppler.h>

#include "sb-application-pdf.h"
#include "sb-document-store.h"
#include "sb-programme.h"
#include "test-application-data.h"

static char *
document_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      /* Lines wrap where the layout chose: read them as one text. */
      g_strdelimit (page_text, "\n", ' ');
      g_string_append (text, page_text);
      g_string_append_c (text, '\f');
      g_object_unref (page);
    }

  return g_string_free (text, FALSE);
}

static void
test_read_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-application-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "programme.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "application.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(SbProgramme) programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) attachments = g_string_new (NULL);
  PopplerDocument *document;
  PopplerFontInfo *fonts;
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;
  GDate date;
  int pages;

  g_assert_no_error (error);
  test_fill_application (values, sb_base_store_find_recommender (sb_programme_get_store (programme), "1401", 0), 30);

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("附件-%02d.pdf", i + 1);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      gint64 id;

      test_write_pdf (file, i + 1);
      id = sb_document_store_import (sb_programme_get_database (programme), file, 0, "attachment", &error);
      g_assert_no_error (error);
      g_string_append_printf (attachments, "%s%" G_GINT64_FORMAT, attachments->len > 0 ? "," : "", id);
    }
  test_set (values, "attachments", attachments->str);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 27, 11, 2026);
  g_assert_true (sb_application_pdf_write (sb_programme_get_database (programme), values, &date, pdf, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (pages, >=, 4);

  {
    PopplerPage *page = poppler_document_get_page (document, 0);
    double width, height;

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 595.276, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
    g_object_unref (page);
  }

  text = document_text (document);
  /* The cover, the applicant's data, each section, the tables. */
  g_assert_nonnull (strstr (text, "Application for a Shanxi Technical Standard Innovation Base"));
  g_assert_nonnull (strstr (text, "山西省技术标准创新基地（智能重型装备）（筹）"));
  g_assert_nonnull (strstr (text, "太原重型机械集团有限公司"));
  g_assert_nonnull (strstr (text, TEST_LEAD_CODE));
  g_assert_nonnull (strstr (text, "中国标准化研究院"));
  g_assert_nonnull (strstr (text, "DB14/T 2345-2021"));
  g_assert_nonnull (strstr (text, "GB/T 30029-2021"));
  g_assert_nonnull (strstr (text, "拥有国家级企业技术中心"));
  g_assert_nonnull (strstr (text, "附件-10.pdf"));
  for (const char *section = "Lead unit\0Co-applicants\0Domain and name\0Conditions\0Standards\0Capability\0Recommender\0Attachments\0";
       *section != '\0'; section += strlen (section) + 1)
    if (strstr (text, section) == NULL)
      g_error ("No section “%s” in %s", section, text);
  footer = g_strdup_printf ("Page %d of %d", pages, pages);
  g_assert_nonnull (strstr (text, footer));

  /* Every font is embedded. */
  fonts = poppler_font_info_new (document);
  while (poppler_font_info_scan (fonts, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (fonts);
  g_assert_cmpuint (n_fonts, >, 0);

  g_object_unref (document);
  g_clear_object (&programme);
  if (g_getenv ("TEST_KEEP_PDF") != NULL)
    g_test_message ("kept %s", pdf);
  else
    test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application-pdf/read-back", test_read_back);

  return g_test_run ();
}
