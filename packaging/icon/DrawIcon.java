import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the SitePlanner icon: a rounded tile of map parcels coloured from poor (red) to good (green), as
 * the app colours scored sites, with a power bolt over the best one. Run from the repository root:
 * {@code java packaging/icon/DrawIcon.java packaging/icon/siteplanner.png} (JDK 11+, no libraries).
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 52, 52);
        g.setPaint(new GradientPaint(0, 8, new Color(0x27, 0x4c, 0x77), 0, s - 8, new Color(0x14, 0x2a, 0x45)));
        g.fill(tile);
        g.setClip(tile);
        // 4 x 4 parcels, scores rising towards the lower right
        Color[] ramp = {new Color(0xd7, 0x30, 0x27), new Color(0xfc, 0x8d, 0x59), new Color(0xfe, 0xe0, 0x8b),
            new Color(0xd9, 0xef, 0x8b), new Color(0x91, 0xcf, 0x60), new Color(0x1a, 0x98, 0x50)};
        int n = 4;
        double cell = (s - 16 - 2 * 26) / (double) n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int k = Math.min(ramp.length - 1, (r + c) * (ramp.length - 1) / (2 * (n - 1)));
                double x = 8 + 26 + c * cell;
                double y = 8 + 26 + r * cell;
                g.setColor(ramp[k]);
                g.fill(new RoundRectangle2D.Double(x + 4, y + 4, cell - 8, cell - 8, 10, 10));
            }
        }
        // a power line across the map
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(8, 70, s - 8, 150);
        g.setClip(null);
        // the bolt over the best parcel
        Path2D bolt = new Path2D.Double();
        bolt.moveTo(168, 92);
        bolt.lineTo(128, 160);
        bolt.lineTo(158, 160);
        bolt.lineTo(140, 224);
        bolt.lineTo(202, 140);
        bolt.lineTo(170, 140);
        bolt.lineTo(194, 92);
        bolt.closePath();
        g.setColor(new Color(0x14, 0x2a, 0x45));
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bolt);
        g.setColor(Color.WHITE);
        g.fill(bolt);
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "siteplanner.png"));
    }
}
