/* test-application-data.h: a valid application and PDFs for the tests
 *
 * Header-only, so each test program that fills an application includes it.
 */
#pragma once

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "sb-credit-code.h"

/* 911401001234567887: an enterprise registered in Taiyuan, Shanxi. */
#define TEST_LEAD_CODE "911401001234567887"

G_GNUC_UNUSED static void
test_write_pdf (const char *path,
                int         pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int i = 0; i < pages; i++)
    {
      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, "Evidence");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

G_GNUC_UNUSED static void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

G_GNUC_UNUSED static char *
test_code (const char *division,
           const char *base)
{
  return sb_credit_code_build ('9', '1', division, base);
}

G_GNUC_UNUSED static void
test_set (GHashTable *values,
          const char *key,
          const char *value)
{
  g_hash_table_insert (values, g_strdup (key), g_strdup (value));
}

/* Fills @values with an application that passes every check, with
 * @n_standards standards (at least 1). */
G_GNUC_UNUSED static void
test_fill_application (GHashTable *values,
                       gint64      recommender_id,
                       guint       n_standards)
{
  g_autofree char *co_code = test_code ("110108", "10001043");
  g_autofree char *recommender = g_strdup_printf ("%" G_GINT64_FORMAT, recommender_id);
  g_autofree char *count = g_strdup_printf ("%u", MAX (n_standards, 1));

  test_set (values, "lead.name", "太原重型机械集团有限公司");
  test_set (values, "lead.code", TEST_LEAD_CODE);
  test_set (values, "lead.kind", "enterprise");
  test_set (values, "lead.legal", "1");
  test_set (values, "lead.address", "山西省太原市万柏林区玉河街 53 号");
  test_set (values, "lead.contact", "李明");
  test_set (values, "lead.phone", "0351-6361234");
  test_set (values, "lead.email", "liming@example.cn");

  test_set (values, "co.count", "1");
  test_set (values, "co.0.name", "中国标准化研究院");
  test_set (values, "co.0.code", co_code);
  test_set (values, "co.0.kind", "institution");
  test_set (values, "co.0.legal", "1");
  test_set (values, "co.0.address", "北京市海淀区知春路 4 号");
  test_set (values, "co.0.contact", "张华");
  test_set (values, "co.0.phone", "010-58811234");

  test_set (values, "domain", "high-end-equipment");
  test_set (values, "tags", "new-equipment,new-technology");
  test_set (values, "short_zh", "智能重型装备");
  test_set (values, "short_en", "Intelligent Heavy Equipment");

  for (int c = 1; c <= 5; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", c);
      g_autofree char *text = g_strdup_printf ("条件（%d）的说明：本单位满足该项条件。", c);

      test_set (values, key, text);
    }

  test_set (values, "std.count", count);
  for (guint i = 0; i < MAX (n_standards, 1); i++)
    {
      g_autofree char *key = g_strdup_printf ("std.%u.designation", i);
      g_autofree char *designation = g_strdup_printf ("GB/T %u-2021", 30000 + i);
      g_autofree char *title_key = g_strdup_printf ("std.%u.title", i);
      g_autofree char *role_key = g_strdup_printf ("std.%u.role", i);

      test_set (values, key, i == 0 ? "DB14/T 2345-2021" : designation);
      test_set (values, title_key, "重型机械 智能制造 通用技术要求");
      test_set (values, role_key, i % 2 == 0 ? "led" : "participated");
    }

  test_set (values, "research", "拥有国家级企业技术中心和博士后工作站。");
  test_set (values, "service", "为省内 120 家中小企业提供标准化咨询服务。");
  test_set (values, "recommender", recommender);
  test_set (values, "recommendation", "同意推荐。");
}
