/**
 * Names the project adds to faker's lists (read by extract-names.ts, written to rules/names/ as `addedByProject`).
 * faker's Dutch lists are modern baby names and 131 surnames; letters and records name people of every generation,
 * so these are the common surnames of the CBS/Meertens frequency lists and the common first names of Dutch adults.
 */

/** One name per `|`-separated cell (a function declaration, hoisted above the lists that use it). */
function cells(list: string): string[] {
  return list.split(/[|\n]/).map((s) => s.trim()).filter(Boolean);
}

export const PROJECT_SURNAMES = cells(`
de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|
Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|
de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|
Willems|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|Peeters|
de Jonge|Kuipers|van Veen|Post|Kuiper|Veenstra|Kramer|van den Brink|Scholten|van Wijk|Postma|Martens|Vink|
de Ruiter|Timmermans|Groen|Gerritsen|Jonker|van Loon|Boer|van der Velde|Willemsen|Smeets|de Lange|de Vos|Bosch|
van Dongen|Schipper|de Koning|van der Laan|Koning|van der Velden|Driessen|van Doorn|Hermans|Evers|van den Bosch|
van der Meulen|Hofman|Bosman|Wolters|Sanders|van der Horst|Mol|Kuijpers|Molenaar|van de Pol|de Leeuw|Verbeek|
Hoogendoorn|Hoogeveen|Koopman|Wouters|Claassen|Lammers|Bouwman|Brink|van Rijn|van Os|Bergsma|Zwart|de Kort|
Nijhuis|Mertens|van Es|Hoekman|Schut|van der Ploeg|Dijkman|Kroon|Vonk|Verschuren|Wijnen|Teunissen|Arts|Aarts|
Verhagen|Goossens|Heijnen|Hoeksema|Boersma|van Rooij|van Rooijen|Rutten|Coenen|Pieters|Pietersen|Hendriksen|
Hendrikx|Gerrits|Huijbregts|van Gils|van Ginkel|Bouma|Bijl|Tromp|Bloemen|Brands|Hermsen|Derksen|Jaspers|
Franken|Leenders|Lemmens|Verstappen|Roelofs|Versteeg|van Zanten|van Kampen|de Beer|de Man|Kamphuis|Veldman|
Visscher|Wiersma|van der Zee|de Wilde|Stam|Steenbergen|Pronk|Kuijt|Sluiter|Klaassen|Mulders|van Hees|van Dalen|
Vissers|Bosma|Haverkamp|Nieuwenhuis|van Vugt|Bouwmeester|Hoogland|van Eijk|van der Sluis|van der Steen|
van der Werf|van der Zwaan|van der Kolk|van der Pluijm|Kamp|Koch|Dijkhuizen|Kuijper|Brinkman|Brugman|Siebers|
Dam|Dijk|Drost|Elzinga|Faber|Feenstra|Groenewegen|Groenendijk|Haan|Hoek|Hofstra|Holwerda|Jager|de Jager|Kersten|
Kooistra|Kolk|Kremer|Kruijt|Kuperus|Lansink|Linssen|Meeuwsen|Meulenbelt|Middelkoop|Nijland|Noordhuis|Oosterhuis|
Oosting|Ottens|Pauw|Reinders|Rijnders|Roos|Ruiter|Schaap|Schepers|Schreuder|Slot|Snel|Span|Spijkerman|Stegeman|
Stoffels|Swinkels|Terpstra|Thijssen|Ubbink|Veen|Veenhuis|Velthuis|Verheul|Verhoef|Vos|Vrolijk|Westerhof|Wijnhoven|
Zijlstra|Zuidema|van Beekum|van Bommel|van Dooren|van Essen|van Gelder|van Hal|van Hulst|van Kessel|van Lieshout|
van Oort|van Schaik|van Tilburg|van Velzen|van Vliet|van Wijngaarden|van Zijl|ten Brink|ter Horst|ten Hove|te Velde|
in 't Veld|op de Beek|van 't Hof|van Essen|Yilmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Özdemir|Arslan|
Doğan|Kılıç|Aslan|Koç|Polat|el Amrani|el Idrissi|el Khatib|el Hamdaoui|Benali|Bouzid|Amrani|Ahmadi|Tahiri|Ouali|
Boukhari|Haddou|Bakkali|el Ouali|Chaoui|Mohamed|Hassan|Pinas|Kross|Biharie|Ramdin|Nguyen|Tran|Wong|Chen
`);

export const PROJECT_MALE = cells(`
Johannes|Jan|Hendrik|Cornelis|Willem|Pieter|Gerrit|Jacobus|Hendrikus|Petrus|Johan|Gerardus|Wilhelmus|Antonius|
Franciscus|Adrianus|Theodorus|Josephus|Henricus|Martinus|Albertus|Arnoldus|Bernardus|Dirk|Klaas|Jacob|Abraham|
Arie|Teunis|Aart|Evert|Hans|Henk|Kees|Piet|Wim|Gerard|Peter|Paul|Marcel|Erik|Eric|Frank|Jeroen|Marco|Martijn|
Michiel|Patrick|Dennis|Richard|Robert|Ronald|René|Rob|Ruud|Sander|Edwin|Frans|Fred|Gert|Gijsbert|Harm|Herman|
Jos|Joost|Ad|Ton|Theo|Toon|Guido|Hugo|Bert|Bart|Ben|Dick|Egbert|Freek|Gerben|Hein|Huib|Jaap|Jasper|Joop|Karel|
Kevin|Leo|Leon|Maarten|Mark|Menno|Niels|Rik|Roel|Rutger|Sjaak|Stefan|Thijs|Tom|Wouter|Arjan|Arjen|Bas|Bram|
Barend|Coen|Cor|Dolf|Dries|Eddy|Ferry|Geert|Harry|Hennie|Jelle|Jurgen|Koos|Lambert|Lucas|Marinus|Nico|Otto|
Remco|Rinus|Rudolf|Sjoerd|Steven|Tjeerd|Walter|Wiebe|Willy|Wybren|Youssef|Mohamed|Ahmed|Mustafa|Ali|Hasan|
Hüseyin|Mehmet|Ibrahim|Karim|Rachid|Said|Abdelkader|Hamid|Omar|Kemal|Ramon|Roy|Jeffrey|Mike|Ricardo|Vincent
`);

export const PROJECT_FEMALE = cells(`
Maria|Johanna|Anna|Wilhelmina|Cornelia|Hendrika|Elisabeth|Catharina|Geertruida|Petronella|Adriana|Jacoba|Aaltje|
Grietje|Trijntje|Antje|Neeltje|Maartje|Geertje|Jannetje|Anneke|Annemarie|Anja|Astrid|Bianca|Carla|Caroline|
Chantal|Corrie|Diana|Dianne|Els|Ellen|Esther|Gerda|Hanneke|Henny|Ilse|Ineke|Ingrid|Irene|Jacqueline|Janneke|
Jolanda|Joke|Judith|Karin|Kim|Linda|Lisa|Manon|Margriet|Marian|Marianne|Marieke|Marja|Marjan|Marjolein|Marloes|
Martine|Mieke|Miriam|Mirjam|Monique|Nicole|Patricia|Petra|Renate|Ria|Rianne|Saskia|Sandra|Sanne|Sharon|Sonja|
Suzanne|Tineke|Truus|Wilma|Willemijn|Yvonne|Angela|Anita|Annelies|Anouk|Bregje|Daniëlle|Danielle|Evelien|Femke|
Hilde|Ingeborg|Irma|Josephine|Kirsten|Lotte|Machteld|Maaike|Margreet|Mariska|Merel|Nathalie|Paula|Rosalie|Sabine|
Simone|Stephanie|Tamara|Wendy|Willeke|Annie|Bep|Dina|Dora|Ellie|Fenny|Gonnie|Greet|Jannie|Jopie|Lenie|Marga|
Nel|Riet|Rina|To|Tonny|Trees|Wil|Fatma|Fatima|Khadija|Naima|Samira|Nadia|Leila|Aicha|Ayse|Emine|Zeynep|Hatice
`);

export const PROJECT_PARTICLES = [
  'van', 'de', 'der', 'den', 'het', "'t", 'te', 'ter', 'ten', 'van der', 'van den', 'van de', 'van het', "van 't",
  "in 't", 'in het', 'in de', 'in den', 'op de', 'op den', 'op het', "op 't", 'op ten', 'uit de', 'uit den',
  'uit het', "uit 't", 'aan de', 'aan den', 'aan het', "aan 't", 'bij de', 'onder de', 'over de', 'voor de',
  'voor den', "voor in 't", 'vanden', 'vander', 'vande', 'von', 'von der', 'von dem', 'zu', 'vom', 'du', 'de la',
  'le', 'la', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'el', 'al', 'ben', 'bin', 'ibn', 'abu',
];
