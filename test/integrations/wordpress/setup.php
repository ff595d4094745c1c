<?php
/**
 * Run by test/integrations/wordpress.mjs with `php setup.php <host>` after WordPress is installed: activates
 * the plugin as WordPress does, makes the test pages, and prints their URLs (JSON). Also shows why the plugin
 * uses shortcodes: a post saved by an author (no unfiltered_html) loses a pasted <retain-spin-wheel> (KSES)
 * and keeps the shortcode.
 *
 * @package retainkit
 */

$_SERVER['HTTP_HOST']   = $argv[1];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$activated = activate_plugin( 'retainkit/retainkit.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
add_role( 'customer', 'Customer', array( 'read' => true ) );

$admin = get_user_by( 'login', 'admin' );
wp_set_current_user( $admin->ID );
$widgets = wp_insert_post(
	array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_title'   => 'Widgets',
		'post_content' => '[retain_spin_wheel instance="home" cooldown="7d" show-odds apply-url="/?discount={code}"]
[retain_slice type="discount" codes="TEN-A1 TEN-B2" weight="3"]10% off[/retain_slice]
[retain_slice type="shipping" code="SHIPFREE"]Free shipping[/retain_slice]
[retain_slice type="none" weight="2"]Not this time[/retain_slice]
[/retain_spin_wheel]

[retain_loyalty_badge points="1300" tiers="Bronze 0, Silver 500, Gold 2500" currency="EUR" unknown-thing="x" rewards=\'&#91;{"label":"5 off","cost":500}&#93;\']

[retain_review_showcase view="grid" page-size="2" src="' . content_url( 'reviews.json' ) . '"]',
	)
);
$thankyou = wp_insert_post(
	array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_title'   => 'Order received',
		'post_content' => '[stand_in_thankyou id="1001"]',
	)
);

$author = wp_insert_user( array( 'user_login' => 'author', 'user_pass' => wp_generate_password(), 'user_email' => 'author@example.com', 'role' => 'author' ) );
wp_set_current_user( $author );
$pasted = wp_insert_post(
	wp_slash(
		array(
			'post_status'  => 'draft',
			'post_title'   => 'Pasted by an author',
			'post_content' => '<retain-spin-wheel instance="pasted"></retain-spin-wheel>[retain_order order-id="77" total="1"]',
		)
	)
);

echo wp_json_encode(
	array(
		'widgets'  => get_permalink( $widgets ),
		'thankyou' => get_permalink( $thankyou ),
		'pasted'   => get_post_field( 'post_content', $pasted ),
	)
);
